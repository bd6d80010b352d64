-- Tables standing in for a service's own state in the event-plumbing tests.
CREATE TABLE test_member (
  id    bigint PRIMARY KEY,
  email text   NOT NULL
);

CREATE TABLE test_counter (
  name  text    PRIMARY KEY,
  value integer NOT NULL
);
