// One watch by id, active or not.
MATCH (w:Watch {id: $id})
RETURN w {.*} AS watch
