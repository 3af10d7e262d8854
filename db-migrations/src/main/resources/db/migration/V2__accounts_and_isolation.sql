-- Accounts: tenant settings, real user accounts (password, role, binding), login sessions with rotating
-- refresh tokens, login throttling, the audit log; and PostgreSQL row-level security on tenant-owned tables.

-- Tenant settings ----------------------------------------------------------------------------------------
ALTER TABLE tenant
    ADD COLUMN kind               varchar(20)  NOT NULL DEFAULT 'SHOP_BUSINESS' CHECK (kind IN ('SHOP_BUSINESS', 'PARTNER')),
    ADD COLUMN legal_name         varchar(200),
    ADD COLUMN locale             varchar(35)  NOT NULL DEFAULT 'en-KE',
    ADD COLUMN time_zone          varchar(60)  NOT NULL DEFAULT 'Africa/Nairobi',
    ADD COLUMN tax_rate_percent   numeric(5, 2) NOT NULL DEFAULT 0 CHECK (tax_rate_percent >= 0 AND tax_rate_percent < 100),
    ADD COLUMN brand_display_name varchar(200),
    ADD COLUMN brand_logo_url     varchar(500),
    ADD COLUMN brand_primary_colour char(7) CHECK (brand_primary_colour ~ '^#[0-9A-Fa-f]{6}$'),
    ADD COLUMN brand_accent_colour  char(7) CHECK (brand_accent_colour ~ '^#[0-9A-Fa-f]{6}$'),
    ADD COLUMN plan               varchar(40)  NOT NULL DEFAULT 'STANDARD',
    ADD COLUMN mfa_required       boolean      NOT NULL DEFAULT false,
    ADD COLUMN version            bigint       NOT NULL DEFAULT 0;
UPDATE tenant SET legal_name = name WHERE legal_name IS NULL;
ALTER TABLE tenant ALTER COLUMN legal_name SET NOT NULL;

-- A staff account's shop must belong to the account's tenant: enforced by a composite key.
ALTER TABLE shop ADD CONSTRAINT shop_id_tenant_key UNIQUE (id, tenant_id);

-- User accounts (the development identities become real accounts) -----------------------------------------
ALTER TABLE app_user RENAME TO user_account;
ALTER TABLE user_account RENAME COLUMN username TO email;
ALTER TABLE user_account DROP CONSTRAINT app_user_check;
ALTER TABLE user_account DROP CONSTRAINT app_user_username_key;
ALTER TABLE user_account
    ADD COLUMN tenant_id     uuid REFERENCES tenant (id),
    ADD COLUMN display_name  varchar(200),
    -- NULL: the account cannot log in with a password (it must be given one first).
    ADD COLUMN password_hash varchar(200),
    ADD COLUMN status        varchar(20)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    ADD COLUMN created_at    timestamptz  NOT NULL DEFAULT now(),
    ADD COLUMN version       bigint       NOT NULL DEFAULT 0;
UPDATE user_account u SET tenant_id = s.tenant_id FROM shop s WHERE u.shop_id = s.id;
UPDATE user_account SET display_name = email WHERE display_name IS NULL;
ALTER TABLE user_account ALTER COLUMN display_name SET NOT NULL;
CREATE UNIQUE INDEX user_account_email_key ON user_account (lower(email));
CREATE INDEX user_account_tenant_idx ON user_account (tenant_id);
ALTER TABLE user_account
    ADD CONSTRAINT user_account_shop_of_tenant_fk FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id),
    ADD CONSTRAINT user_account_binding CHECK (
           (role = 'CUSTOMER' AND customer_id IS NOT NULL AND tenant_id IS NULL AND shop_id IS NULL)
        OR (role IN ('SHOP_STAFF', 'SHOP_MANAGER') AND tenant_id IS NOT NULL AND shop_id IS NOT NULL AND customer_id IS NULL)
        OR (role IN ('TENANT_ADMIN', 'PARTNER') AND tenant_id IS NOT NULL AND shop_id IS NULL AND customer_id IS NULL)
        OR (role = 'PLATFORM_ADMIN' AND tenant_id IS NULL AND shop_id IS NULL AND customer_id IS NULL));

-- Login sessions: one per device login. Only the SHA-256 of the current refresh token is kept; tokens it
-- replaced are remembered so that presenting one again (a stolen token) ends the whole session.
CREATE TABLE auth_session (
    id             uuid PRIMARY KEY,
    user_id        uuid         NOT NULL REFERENCES user_account (id),
    device         varchar(200) NOT NULL,
    address        varchar(64),
    refresh_hash   char(64)     NOT NULL UNIQUE,
    created_at     timestamptz  NOT NULL,
    last_used_at   timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    revoked_at     timestamptz,
    revoked_reason varchar(40),
    version        bigint       NOT NULL DEFAULT 0
);
CREATE INDEX auth_session_user_idx ON auth_session (user_id, created_at DESC);

CREATE TABLE spent_refresh_token (
    refresh_hash char(64)    PRIMARY KEY,
    session_id   uuid        NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
    spent_at     timestamptz NOT NULL
);

-- Failed-login counters per account name and per client address (keys 'account:<email>', 'address:<ip>').
CREATE TABLE login_throttle (
    throttle_key      varchar(300) PRIMARY KEY,
    failures          integer      NOT NULL DEFAULT 0,
    window_started_at timestamptz,
    locked_until      timestamptz
);

-- Security audit log ---------------------------------------------------------------------------------------
CREATE TABLE audit_event (
    id            uuid PRIMARY KEY,
    occurred_at   timestamptz  NOT NULL,
    tenant_id     uuid REFERENCES tenant (id),
    actor_user_id uuid,
    action        varchar(40)  NOT NULL,
    target_type   varchar(40),
    target_id     uuid,
    address       varchar(64),
    detail        varchar(500)
);
CREATE INDEX audit_event_tenant_idx ON audit_event (tenant_id, occurred_at DESC);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC);

-- Row-level security ---------------------------------------------------------------------------------------
-- The application states, per transaction (set_config(..., true)), whom it works for:
--   clutch.tenant_id   the caller's tenant (shop staff, tenant admins, partners)
--   clutch.customer_id the caller's customer (car owners, who belong to no tenant)
--   clutch.user_id     the caller's account
--   clutch.scope       'platform' for work done for the whole platform (dispatch, expiry, login, platform admins)
-- With nothing stated, tenant-owned tables show no rows at all. FORCE makes the policies bind the table
-- owner too, which is the role the application connects as.

CREATE FUNCTION clutch_platform_scope() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('clutch.scope', true), '') = 'platform' $$;
CREATE FUNCTION clutch_tenant() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('clutch.tenant_id', true), '')::uuid $$;
CREATE FUNCTION clutch_customer() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('clutch.customer_id', true), '')::uuid $$;
CREATE FUNCTION clutch_user() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('clutch.user_id', true), '')::uuid $$;
-- Whether a parts request is the current customer's (parts_request itself belongs to no tenant).
CREATE FUNCTION clutch_customer_owns(request uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM parts_request r WHERE r.id = request AND r.customer_id = clutch_customer()) $$;

ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_own ON tenant USING (clutch_platform_scope() OR id = clutch_tenant());

ALTER TABLE shop ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_own ON shop USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
-- A customer sees the shops its requests went to (their names on the quotes), nothing more.
CREATE POLICY shop_customer_read ON shop FOR SELECT USING (
    EXISTS (SELECT 1 FROM dispatch d WHERE d.shop_id = shop.id AND clutch_customer_owns(d.request_id)));

ALTER TABLE dispatch ENABLE ROW LEVEL SECURITY;
ALTER TABLE dispatch FORCE ROW LEVEL SECURITY;
CREATE POLICY dispatch_own ON dispatch USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
CREATE POLICY dispatch_customer_read ON dispatch FOR SELECT USING (clutch_customer_owns(request_id));

ALTER TABLE quote ENABLE ROW LEVEL SECURITY;
ALTER TABLE quote FORCE ROW LEVEL SECURITY;
CREATE POLICY quote_own ON quote USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
-- The customer reads the quotes on its request and, by accepting one, decides all of them.
CREATE POLICY quote_customer_read ON quote FOR SELECT USING (clutch_customer_owns(request_id));
CREATE POLICY quote_customer_decide ON quote FOR UPDATE USING (clutch_customer_owns(request_id));

ALTER TABLE quote_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE quote_line FORCE ROW LEVEL SECURITY;
CREATE POLICY quote_line_of_visible_quote ON quote_line USING (EXISTS (SELECT 1 FROM quote q WHERE q.id = quote_id));

ALTER TABLE user_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_account FORCE ROW LEVEL SECURITY;
CREATE POLICY user_account_own ON user_account USING (
    clutch_platform_scope() OR tenant_id = clutch_tenant() OR id = clutch_user());

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_event_own ON audit_event USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
