-- Gatehouse schema, version 2, for PostgreSQL 12 or newer: the permission epoch.
-- One row whose counter every change to grants, group memberships or groups raises, in the same transaction
-- as the change. The request-path lookup reads it in the same statement as the session, so a node may reuse
-- the permissions it read for a session as long as the epoch has not moved, and skip reading them again.
-- Changing the grant tables with plain SQL? Raise the epoch in the same transaction:
--   UPDATE ${gatehouse_prefix}permission_epoch SET epoch = epoch + 1 WHERE id = 1
-- Without the row, nodes read the permissions on every request (nothing is reused).

CREATE TABLE ${gatehouse_prefix}permission_epoch (
    id    INTEGER NOT NULL,
    epoch BIGINT  NOT NULL,
    CONSTRAINT ${gatehouse_prefix}permission_epoch_pk PRIMARY KEY (id),
    CONSTRAINT ${gatehouse_prefix}permission_epoch_one_row CHECK (id = 1)
);

INSERT INTO ${gatehouse_prefix}permission_epoch (id, epoch) VALUES (1, 0);
