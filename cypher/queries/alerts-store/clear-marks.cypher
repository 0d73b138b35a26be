// Clears the alert marks of $ids made no later than $before (a mark renewed while the engine
// evaluated stays for the next pass).
UNWIND $ids AS id
MATCH (d:AlertDirty {id: id})
WHERE d.at <= datetime($before)
DELETE d
