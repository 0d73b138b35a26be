// A person's decision on a pair: from one of $from to $to, with who, when and a note. The
// earlier statuses are kept in `history` ("status by whom at when"), so every change is on record.
MATCH (d:MergeDecision {id: $id})
WHERE d.status IN $from
SET d.history = coalesce(d.history, []) + [d.status + ' by ' + d.decidedBy + ' at ' + toString(d.decidedAt)],
    d.status = $to, d.decidedBy = $by, d.decidedAt = datetime(), d.note = $note
RETURN d.id AS id
