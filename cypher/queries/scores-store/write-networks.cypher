// Replaces the kept suspected networks of view $view by $rows ([{key, props}]).
CALL () {
  MATCH (n:NetworkResult {view: $view})
  DELETE n
}
UNWIND $rows AS row
CREATE (n:NetworkResult)
SET n = row.props, n.key = row.key
