-- Members of the company. A resignation is a soft delete: the row stays, and so does its email.
CREATE TABLE member (
  id            bigserial   PRIMARY KEY,
  email         text        NOT NULL,
  password_hash text        NOT NULL,
  name          text        NOT NULL,
  member_type   text        NOT NULL DEFAULT 'MEMBER' CHECK (member_type IN ('MEMBER', 'ADMIN')),
  date_joined   timestamptz NOT NULL DEFAULT now(),
  last_login    timestamptz,
  is_deleted    boolean     NOT NULL DEFAULT false,
  deleted_at    timestamptz,
  -- access tokens carry it as "ver"; raised on resignation and on every role change
  token_version bigint      NOT NULL DEFAULT 0
);

-- The login id, unique case-insensitively across every row, resigned ones included: an email that
-- belonged to a resigned member can never sign up again. Concurrent sign-ups are decided here.
CREATE UNIQUE INDEX member_email_key ON member (lower(email));

-- the last-admin rule locks exactly these rows
CREATE INDEX member_active_admin ON member (id) WHERE member_type = 'ADMIN' AND NOT is_deleted;

-- the token-version reconciler re-publishes exactly these rows
CREATE INDEX member_revoked_tokens ON member (id) WHERE token_version > 0;
