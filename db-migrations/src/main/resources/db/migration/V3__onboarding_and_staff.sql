-- Shop onboarding (a resumable, step-by-step flow ending in verification by a platform admin), verification
-- documents, and staff invitations.

-- Row-level security binds the migration too (FORCE): state the platform scope for this transaction.
SELECT set_config('clutch.scope', 'platform', true);

-- A shop in onboarding may not know where it is yet; once submitted it must.
ALTER TABLE shop
    ALTER COLUMN latitude DROP NOT NULL,
    ALTER COLUMN longitude DROP NOT NULL,
    ALTER COLUMN address DROP NOT NULL,
    ALTER COLUMN service_radius_km DROP NOT NULL,
    ADD COLUMN legal_name          varchar(200),
    ADD COLUMN registration_number varchar(60),
    ADD COLUMN tax_number          varchar(60),
    ADD COLUMN phone               varchar(40),
    ADD COLUMN email               varchar(254),
    ADD COLUMN inventory_source    varchar(30) CHECK (inventory_source IN ('DESKTOP_SYNC', 'FILE_IMPORT', 'MANUAL')),
    ADD COLUMN inventory_part_count integer CHECK (inventory_part_count >= 0),
    ADD COLUMN pricing_strategy    varchar(30) CHECK (pricing_strategy IN ('COST_PLUS', 'LIST_MINUS', 'MANUAL')),
    ADD COLUMN pricing_percent     numeric(6, 2) CHECK (pricing_percent >= 0 AND pricing_percent <= 1000),
    ADD COLUMN status_reason       varchar(500),
    ADD COLUMN status_changed_at   timestamptz,
    ADD COLUMN submitted_at        timestamptz,
    ADD CONSTRAINT shop_status_known CHECK (status IN ('ONBOARDING', 'PENDING_VERIFICATION', 'ACTIVE', 'REJECTED', 'SUSPENDED')),
    ADD CONSTRAINT shop_located CHECK (status = 'ONBOARDING'
        OR (latitude IS NOT NULL AND longitude IS NOT NULL AND address IS NOT NULL AND service_radius_km IS NOT NULL));
-- Shops that were running before onboarding existed count as onboarded.
UPDATE shop SET legal_name = name, inventory_source = 'MANUAL', pricing_strategy = 'MANUAL', status_changed_at = created_at,
                submitted_at = created_at
 WHERE legal_name IS NULL;

-- Documents a shop uploads for verification (business registration, tax certificate, ...). Kept in the
-- database so that a backup holds them and row-level security guards them like any tenant row.
CREATE TABLE shop_document (
    id           uuid PRIMARY KEY,
    tenant_id    uuid         NOT NULL,
    shop_id      uuid         NOT NULL,
    kind         varchar(40)  NOT NULL CHECK (kind IN ('BUSINESS_REGISTRATION', 'TAX_CERTIFICATE', 'TRADING_LICENCE',
                                                       'OWNER_ID', 'OTHER')),
    file_name    varchar(200) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes   integer      NOT NULL,
    sha256       char(64)     NOT NULL,
    content      bytea        NOT NULL,
    uploaded_by  uuid         NOT NULL,
    uploaded_at  timestamptz  NOT NULL,
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX shop_document_shop_idx ON shop_document (shop_id, uploaded_at);
ALTER TABLE shop_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop_document FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_document_own ON shop_document USING (clutch_platform_scope() OR tenant_id = clutch_tenant());

-- Staff invitations: a tenant admin invites a person by e-mail to a role (and a shop for shop roles); the
-- person accepts with the one-time token and chooses a password. Only the token's SHA-256 is kept.
CREATE TABLE staff_invitation (
    id           uuid PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenant (id),
    email        varchar(254) NOT NULL,
    display_name varchar(200) NOT NULL,
    role         varchar(30)  NOT NULL CHECK (role IN ('SHOP_STAFF', 'SHOP_MANAGER', 'TENANT_ADMIN', 'PARTNER')),
    shop_id      uuid,
    token_hash   char(64)     NOT NULL UNIQUE,
    invited_by   uuid,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    accepted_at  timestamptz,
    accepted_user_id uuid,
    revoked_at   timestamptz,
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id),
    CHECK ((role IN ('SHOP_STAFF', 'SHOP_MANAGER')) = (shop_id IS NOT NULL))
);
CREATE INDEX staff_invitation_tenant_idx ON staff_invitation (tenant_id, created_at DESC);
ALTER TABLE staff_invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_invitation_own ON staff_invitation USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
