// Ends a watch: it raises nothing more; its alerts stay.
MATCH (w:Watch {id: $id})
SET w.active = false, w.endedAt = datetime(), w.endedBy = $by
RETURN w {.*} AS watch
