-- TOTP second factor (RFC 6238) with one-time backup codes, and the short-lived challenges that carry a login
-- from the password step to the code step.

ALTER TABLE user_account
    -- Shared secret of the authenticator app, AES-GCM encrypted by the application (clutch.mfa.encryption-key);
    -- NULL until enrolment is confirmed with a first code.
    ADD COLUMN mfa_secret         varchar(200),
    ADD COLUMN mfa_enabled_at     timestamptz,
    -- The last time step whose code was accepted: a code is never accepted twice.
    ADD COLUMN mfa_last_step      bigint NOT NULL DEFAULT 0,
    -- A secret shown for enrolment but not yet confirmed.
    ADD COLUMN mfa_pending_secret varchar(200);

-- Ten single-use codes for when the phone is lost; only a hash is kept.
CREATE TABLE mfa_backup_code (
    user_id   uuid     NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    code_hash char(64) NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- After a correct password, a login that needs a second factor gets a challenge (its token's SHA-256 is kept);
-- the code is sent with the challenge. A challenge expires in minutes and dies after a few wrong codes.
CREATE TABLE mfa_challenge (
    id         uuid PRIMARY KEY,
    user_id    uuid         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    token_hash char(64)     NOT NULL UNIQUE,
    enrolment  boolean      NOT NULL,
    device     varchar(200) NOT NULL,
    address    varchar(64),
    created_at timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    attempts   integer      NOT NULL DEFAULT 0,
    used_at    timestamptz
);
CREATE INDEX mfa_challenge_user_idx ON mfa_challenge (user_id);
