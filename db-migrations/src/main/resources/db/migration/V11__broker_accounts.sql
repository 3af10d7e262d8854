-- Who may connect to the message broker besides the backend: each shop desktop with its own account
-- (username shop-<shop id>). The broker checks the secret on connect against its SHA-256 here (a random 256-bit
-- secret needs no slow hash) and lets a shop send only to the sync inbound queue and read only its own inbox.
CREATE TABLE broker_account (
    username      varchar(80)  PRIMARY KEY,
    tenant_id     uuid         NOT NULL REFERENCES tenant (id),
    shop_id       uuid         NOT NULL,
    secret_sha256 char(64)     NOT NULL,
    issued_at     timestamptz  NOT NULL,
    issued_by     uuid         NOT NULL,
    revoked_at    timestamptz,
    UNIQUE (shop_id),
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id)
);

ALTER TABLE broker_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE broker_account FORCE ROW LEVEL SECURITY;
CREATE POLICY broker_account_own ON broker_account USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
