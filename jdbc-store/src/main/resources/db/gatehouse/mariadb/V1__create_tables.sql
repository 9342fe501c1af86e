-- Gatehouse schema, version 1, for MariaDB 10.6 or newer (SKIP LOCKED).
-- Text compares byte for byte (utf8mb4_nopad_bin), as in Java: no case, accent or trailing-space folding.
-- ${gatehouse_prefix} is the table prefix (Flyway/Liquibase placeholder; Gatehouse's SchemaInstaller fills it in).
-- Every instant is a BIGINT of milliseconds since 1970-01-01T00:00:00Z, the precision Gatehouse keeps.
-- Usernames and emails are stored as given and again as canonical keys (case-folded, NFKC); the unique
-- constraints on the keys decide which of two concurrent sign-ups wins.

CREATE TABLE ${gatehouse_prefix}user (
    id             BIGINT NOT NULL AUTO_INCREMENT,
    username       VARCHAR(300)  NOT NULL,
    username_key   VARCHAR(300)  NOT NULL,
    email          VARCHAR(254)  NOT NULL,
    email_key      VARCHAR(254)  NOT NULL,
    password_hash  VARCHAR(1024) NOT NULL,
    first_name     VARCHAR(300)  NOT NULL,
    last_name      VARCHAR(300)  NOT NULL,
    active         BOOLEAN       NOT NULL,
    staff          BOOLEAN       NOT NULL,
    superuser      BOOLEAN       NOT NULL,
    email_verified BOOLEAN       NOT NULL,
    date_joined    BIGINT        NOT NULL,
    last_login     BIGINT,
    locale         VARCHAR(100)  NOT NULL,
    CONSTRAINT ${gatehouse_prefix}user_pk PRIMARY KEY (id),
    CONSTRAINT ${gatehouse_prefix}user_username_uq UNIQUE (username_key),
    CONSTRAINT ${gatehouse_prefix}user_email_uq UNIQUE (email_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ${gatehouse_prefix}permission (
    name VARCHAR(255) NOT NULL,
    CONSTRAINT ${gatehouse_prefix}permission_pk PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ${gatehouse_prefix}group (
    id   BIGINT NOT NULL AUTO_INCREMENT,
    name VARCHAR(300) NOT NULL,
    CONSTRAINT ${gatehouse_prefix}group_pk PRIMARY KEY (id),
    CONSTRAINT ${gatehouse_prefix}group_name_uq UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ${gatehouse_prefix}user_permission (
    user_id         BIGINT       NOT NULL,
    permission_name VARCHAR(255) NOT NULL,
    CONSTRAINT ${gatehouse_prefix}user_permission_pk PRIMARY KEY (user_id, permission_name),
    CONSTRAINT ${gatehouse_prefix}user_permission_user_fk FOREIGN KEY (user_id)
        REFERENCES ${gatehouse_prefix}user (id) ON DELETE CASCADE,
    CONSTRAINT ${gatehouse_prefix}user_permission_perm_fk FOREIGN KEY (permission_name)
        REFERENCES ${gatehouse_prefix}permission (name) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ${gatehouse_prefix}group_permission (
    group_id        BIGINT       NOT NULL,
    permission_name VARCHAR(255) NOT NULL,
    CONSTRAINT ${gatehouse_prefix}group_permission_pk PRIMARY KEY (group_id, permission_name),
    CONSTRAINT ${gatehouse_prefix}group_permission_group_fk FOREIGN KEY (group_id)
        REFERENCES ${gatehouse_prefix}group (id) ON DELETE CASCADE,
    CONSTRAINT ${gatehouse_prefix}group_permission_perm_fk FOREIGN KEY (permission_name)
        REFERENCES ${gatehouse_prefix}permission (name) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE ${gatehouse_prefix}user_group (
    user_id  BIGINT NOT NULL,
    group_id BIGINT NOT NULL,
    CONSTRAINT ${gatehouse_prefix}user_group_pk PRIMARY KEY (user_id, group_id),
    CONSTRAINT ${gatehouse_prefix}user_group_user_fk FOREIGN KEY (user_id)
        REFERENCES ${gatehouse_prefix}user (id) ON DELETE CASCADE,
    CONSTRAINT ${gatehouse_prefix}user_group_group_fk FOREIGN KEY (group_id)
        REFERENCES ${gatehouse_prefix}group (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Deleting a group cascades through these; the primary keys already cover lookups by user.
CREATE INDEX ${gatehouse_prefix}user_group_group_ix ON ${gatehouse_prefix}user_group (group_id);
CREATE INDEX ${gatehouse_prefix}user_permission_perm_ix ON ${gatehouse_prefix}user_permission (permission_name);
CREATE INDEX ${gatehouse_prefix}group_permission_perm_ix ON ${gatehouse_prefix}group_permission (permission_name);

-- Only the SHA-256 of a session id is stored, so a leaked table holds no usable session.
CREATE TABLE ${gatehouse_prefix}session (
    id_hash      VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id      BIGINT       NOT NULL,
    auth_hash    VARCHAR(255) NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_seen_at BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL,
    persistent   BOOLEAN      NOT NULL,
    attributes   MEDIUMTEXT         NOT NULL,
    CONSTRAINT ${gatehouse_prefix}session_pk PRIMARY KEY (id_hash),
    CONSTRAINT ${gatehouse_prefix}session_user_fk FOREIGN KEY (user_id)
        REFERENCES ${gatehouse_prefix}user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE INDEX ${gatehouse_prefix}session_user_ix ON ${gatehouse_prefix}session (user_id, created_at);
CREATE INDEX ${gatehouse_prefix}session_expires_ix ON ${gatehouse_prefix}session (expires_at);

CREATE TABLE ${gatehouse_prefix}throttle (
    throttle_key VARCHAR(255) NOT NULL,
    failures     INTEGER      NOT NULL,
    last_failure BIGINT       NOT NULL,
    CONSTRAINT ${gatehouse_prefix}throttle_pk PRIMARY KEY (throttle_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE INDEX ${gatehouse_prefix}throttle_last_failure_ix ON ${gatehouse_prefix}throttle (last_failure);

-- Mail queued in the same transaction as the change that caused it. Address lists hold one mailbox per
-- line ("address" or "address display name"), headers one "Name: value" per line: neither can hold a
-- line break.
CREATE TABLE ${gatehouse_prefix}outbox (
    id              BIGINT NOT NULL AUTO_INCREMENT,
    user_id         BIGINT,
    status          VARCHAR(10)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    created_at      BIGINT       NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    last_error      MEDIUMTEXT,
    message_id      VARCHAR(250) NOT NULL,
    mail_from       VARCHAR(600) NOT NULL,
    mail_to         MEDIUMTEXT         NOT NULL,
    mail_cc         MEDIUMTEXT         NOT NULL,
    mail_bcc        MEDIUMTEXT         NOT NULL,
    reply_to        MEDIUMTEXT         NOT NULL,
    subject         MEDIUMTEXT         NOT NULL,
    headers         MEDIUMTEXT         NOT NULL,
    body_text       LONGTEXT         NOT NULL,
    body_html       LONGTEXT,
    CONSTRAINT ${gatehouse_prefix}outbox_pk PRIMARY KEY (id),
    CONSTRAINT ${gatehouse_prefix}outbox_user_fk FOREIGN KEY (user_id)
        REFERENCES ${gatehouse_prefix}user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE INDEX ${gatehouse_prefix}outbox_due_ix ON ${gatehouse_prefix}outbox (status, next_attempt_at);
CREATE INDEX ${gatehouse_prefix}outbox_user_ix ON ${gatehouse_prefix}outbox (user_id);
CREATE INDEX ${gatehouse_prefix}outbox_created_ix ON ${gatehouse_prefix}outbox (created_at);
