// A user by username, with the password hash (for sign-in only). Index: user_username.
MATCH (u:User {username: $username})
RETURN u {.*} AS user
