// The stored analysis's state: what was last fully computed, and the full recompute's checkpoint.
OPTIONAL MATCH (s:ScoreState {id: 'analysis'})
RETURN s {.*} AS state
