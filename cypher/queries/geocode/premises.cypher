// Premises that geocoding considers: every one not retired, or only those whose id starts with
// $idPrefix (null for all), with their stored properties. Index: Premises label scan.
MATCH (n:Premises)
WHERE NOT coalesce(n.retired, false)
  AND ($idPrefix IS NULL OR n.id STARTS WITH $idPrefix)
RETURN n {.*, searchText: null} AS entity
ORDER BY n.id
