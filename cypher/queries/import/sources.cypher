// Writes a batch of imported source records, keeping history. A record whose content hash is
// unchanged is left as it is (re-importing a file changes nothing). A changed one is first
// copied to `<id>~v<version>` (superseded: true, supersededAt) and then updated in place, so
// entities and links keep pointing at the current version and every earlier one is kept.
// $rows: [{id, props: {source, recordKey, file, line, recordedAt, contentHash, grading, ...}}]
UNWIND $rows AS row
OPTIONAL MATCH (old:SourceRecord {id: row.id})
WITH row, old, old IS NULL AS created, old IS NOT NULL AND old.contentHash <> row.props.contentHash AS changed
CALL (row, old, changed) {
  WITH row, old, changed
  WHERE changed
  CREATE (h:SourceRecord)
  SET h = old {.*, id: old.id + '~v' + toString(coalesce(old.version, 1)), superseded: true, supersededAt: datetime(), supersededBy: old.id}
}
MERGE (s:SourceRecord {id: row.id})
  ON CREATE SET s.importedAt = datetime(), s.version = 1
WITH s, row, created, changed
CALL (s, row, created, changed) {
  WITH s, row, created, changed
  WHERE created OR changed
  SET s += row.props,
      s.version = CASE WHEN changed THEN coalesce(s.version, 1) + 1 ELSE s.version END,
      s.importedAt = CASE WHEN changed THEN datetime() ELSE s.importedAt END
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed,
       sum(CASE WHEN created OR changed THEN 0 ELSE 1 END) AS unchanged
