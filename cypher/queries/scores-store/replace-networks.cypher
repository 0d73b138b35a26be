// Replaces some kept suspected networks of one view: removes those keyed in $remove, creates
// $rows ([{key, props}]), then sets the rank of each network in $ranks ([{key, rank}]).
CALL () {
  UNWIND $remove AS k
  MATCH (n:NetworkResult {key: k})
  DELETE n
}
CALL () {
  UNWIND $rows AS row
  CREATE (n:NetworkResult)
  SET n = row.props, n.key = row.key
}
UNWIND $ranks AS x
MATCH (n:NetworkResult {key: x.key})
SET n.rank = x.rank
