// Records match keys ($rows: [{key, alert, props}]) as seen; for each key not seen before whose
// row is an alert (not a watch's baseline), creates the alert with $rows' props, status NEW.
// The unique key makes two engines evaluating at once raise each match once.
UNWIND $rows AS row
MERGE (s:AlertSeen {key: row.key})
ON CREATE SET s.at = datetime(), s.fresh = true
WITH row, s, coalesce(s.fresh, false) AS fresh
REMOVE s.fresh
WITH row, fresh
WHERE fresh AND row.alert
CREATE (a:Alert)
SET a = row.props, a.key = row.key, a.status = 'NEW', a.raisedAt = datetime()
RETURN a.id AS id
