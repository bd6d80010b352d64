-- Issued refresh tokens. Each login starts a family; each refresh consumes one token (used_at) and
-- issues the next of the same family. Presenting a consumed token again revokes the whole family.
CREATE TABLE refresh_token (
  jti        uuid        PRIMARY KEY,
  family_id  uuid        NOT NULL,
  member_id  bigint      NOT NULL REFERENCES member (id),
  issued_at  timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  revoked_at timestamptz
);

CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_member ON refresh_token (member_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_token_expiry ON refresh_token (expires_at);
