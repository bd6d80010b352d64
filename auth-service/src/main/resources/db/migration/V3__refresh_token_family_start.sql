-- When each refresh-token family (a session) began: its sign-in. Every token of the family carries it, so
-- a refresh can refuse a family older than the absolute session lifetime (snack.jwt.session-lifetime)
-- without looking at the family's other rows.
ALTER TABLE refresh_token ADD COLUMN family_started_at timestamptz;

UPDATE refresh_token AS token
SET family_started_at = family.started_at
FROM (SELECT family_id, min(issued_at) AS started_at FROM refresh_token GROUP BY family_id) AS family
WHERE token.family_id = family.family_id;

ALTER TABLE refresh_token ALTER COLUMN family_started_at SET NOT NULL;
