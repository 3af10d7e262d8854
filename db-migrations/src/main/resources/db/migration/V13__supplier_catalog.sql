-- The central catalog suppliers feed (issue 8): what each supplier partner sells, at what price, and what it fits.
CREATE TABLE supplier_part (
    id                  uuid          PRIMARY KEY,
    tenant_id           uuid          NOT NULL REFERENCES tenant (id),
    part_number         varchar(64)   NOT NULL,
    brand               varchar(100)  NOT NULL,
    description         varchar(500)  NOT NULL,
    attributes          jsonb         NOT NULL,    -- PIES-like name/value pairs
    currency            char(3)       NOT NULL,
    list_price          numeric(14,2) NOT NULL CHECK (list_price >= 0),
    net_price           numeric(14,2) CHECK (net_price >= 0),   -- the price to shops, where the supplier gives one
    interchange_numbers jsonb         NOT NULL,    -- other makers' numbers for the same part
    feed_id             varchar(100)  NOT NULL,    -- the feed that last wrote it: a full feed withdraws what it lacks
    updated_at          timestamptz   NOT NULL,
    UNIQUE (tenant_id, part_number, brand)
);

-- ACES-like fitment: the vehicles a part fits.
CREATE TABLE supplier_fitment (
    part_id   uuid        NOT NULL REFERENCES supplier_part (id) ON DELETE CASCADE,
    make      varchar(60) NOT NULL,
    model     varchar(60) NOT NULL,
    year_from integer     NOT NULL,
    year_to   integer     NOT NULL CHECK (year_to >= year_from),
    engine    varchar(60),
    position  varchar(40)
);
CREATE INDEX supplier_fitment_part ON supplier_fitment (part_id);
CREATE INDEX supplier_fitment_vehicle ON supplier_fitment (make, model, year_from);

-- Every shop reads the central catalog; only the platform (applying a supplier's feed) writes it.
ALTER TABLE supplier_part ENABLE ROW LEVEL SECURITY;
ALTER TABLE supplier_part FORCE ROW LEVEL SECURITY;
CREATE POLICY supplier_part_read ON supplier_part FOR SELECT USING (true);
CREATE POLICY supplier_part_write ON supplier_part USING (clutch_platform_scope());
ALTER TABLE supplier_fitment ENABLE ROW LEVEL SECURITY;
ALTER TABLE supplier_fitment FORCE ROW LEVEL SECURITY;
CREATE POLICY supplier_fitment_read ON supplier_fitment FOR SELECT USING (true);
CREATE POLICY supplier_fitment_write ON supplier_fitment USING (clutch_platform_scope());
