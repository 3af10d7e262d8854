-- Sync with the shop desktops. Each desktop change arrives as an event with a unique id; the backend applies it
-- exactly once: the id goes into sync_processed_event in the same transaction as the effect, and an id already
-- there is skipped. The backend keeps a central mirror of each shop's catalog and prices (last change wins by the
-- time it was made on the desktop), and its stock as the sum of an append-only movement ledger, so changes made
-- offline add up whatever order they arrive in.

CREATE TABLE sync_processed_event (
    event_id    uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL,
    shop_id     uuid         NOT NULL,
    type        varchar(64)  NOT NULL,
    version     integer      NOT NULL,
    occurred_at timestamptz  NOT NULL,
    applied_at  timestamptz  NOT NULL,
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id)
);
CREATE INDEX sync_processed_event_shop_idx ON sync_processed_event (shop_id, applied_at);

CREATE TABLE shop_catalog_part (
    shop_id      uuid          NOT NULL,
    part_id      uuid          NOT NULL,
    tenant_id    uuid          NOT NULL,
    part_number  varchar(64)   NOT NULL,
    brand        varchar(100)  NOT NULL,
    name         varchar(200)  NOT NULL,
    category     varchar(100)  NOT NULL,
    barcode      varchar(32),
    price_minor  bigint        NOT NULL CHECK (price_minor >= 0),
    taxable      boolean       NOT NULL,
    changed_at   timestamptz   NOT NULL,   -- when the desktop made the change that the mirror now holds
    event_id     uuid          NOT NULL,
    PRIMARY KEY (shop_id, part_id),
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id)
);

CREATE TABLE shop_stock_movement (
    movement_id  uuid          PRIMARY KEY,
    shop_id      uuid          NOT NULL,
    tenant_id    uuid          NOT NULL,
    part_id      uuid          NOT NULL,
    bin          varchar(32)   NOT NULL,
    quantity     integer       NOT NULL CHECK (quantity <> 0),
    reason       varchar(20)   NOT NULL,
    reference    varchar(64),
    moved_at     timestamptz   NOT NULL,
    event_id     uuid          NOT NULL,
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id)
);
CREATE INDEX shop_stock_movement_part_idx ON shop_stock_movement (shop_id, part_id);

-- What an admin asks first: is this shop syncing, how far behind, what went wrong last.
CREATE TABLE sync_shop_status (
    shop_id          uuid          PRIMARY KEY,
    tenant_id        uuid          NOT NULL,
    events_applied   bigint        NOT NULL DEFAULT 0,
    duplicates       bigint        NOT NULL DEFAULT 0,
    rejected         bigint        NOT NULL DEFAULT 0,
    last_event_at    timestamptz,    -- when the newest applied change was made on the desktop
    last_applied_at  timestamptz,
    last_rejection   varchar(500),
    last_rejected_at timestamptz,
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id)
);

ALTER TABLE sync_processed_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_processed_event FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_processed_event_own ON sync_processed_event USING (clutch_platform_scope() OR tenant_id = clutch_tenant());

ALTER TABLE shop_catalog_part ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop_catalog_part FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_catalog_part_own ON shop_catalog_part USING (clutch_platform_scope() OR tenant_id = clutch_tenant());

ALTER TABLE shop_stock_movement ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop_stock_movement FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_stock_movement_own ON shop_stock_movement USING (clutch_platform_scope() OR tenant_id = clutch_tenant());

ALTER TABLE sync_shop_status ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_shop_status FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_shop_status_own ON sync_shop_status USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
