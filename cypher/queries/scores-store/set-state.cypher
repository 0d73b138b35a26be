// Updates the stored analysis's state with $props (null removes a property).
MERGE (s:ScoreState {id: 'analysis'})
SET s += $props
RETURN s {.*} AS state
