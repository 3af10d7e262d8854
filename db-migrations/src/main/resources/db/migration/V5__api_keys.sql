-- API keys: how a B2B partner's systems authenticate. A key is shown once; only its SHA-256 is kept, with a short
-- prefix to recognise it in lists. Keys carry scopes, can expire, are revoked by the tenant's admins, and record
-- when and from where they were last used.
CREATE TABLE api_key (
    id                uuid PRIMARY KEY,
    tenant_id         uuid         NOT NULL REFERENCES tenant (id),
    name              varchar(100) NOT NULL,
    prefix            varchar(20)  NOT NULL,
    secret_hash       char(64)     NOT NULL UNIQUE,
    scopes            varchar(500) NOT NULL,
    created_by        uuid         NOT NULL,
    created_at        timestamptz  NOT NULL,
    expires_at        timestamptz,
    last_used_at      timestamptz,
    last_used_address varchar(64),
    revoked_at        timestamptz,
    revoked_by        uuid,
    version           bigint       NOT NULL DEFAULT 0
);
CREATE INDEX api_key_tenant_idx ON api_key (tenant_id, created_at DESC);
ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_key FORCE ROW LEVEL SECURITY;
CREATE POLICY api_key_own ON api_key USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
