// Ends a session (sign-out), and clears expired ones while at it.
OPTIONAL MATCH (s:Session {tokenHash: $tokenHash})
DETACH DELETE s
WITH count(*) AS ended
CALL () {
  MATCH (old:Session)
  WHERE old.expiresAt < datetime()
  DETACH DELETE old
}
RETURN ended
