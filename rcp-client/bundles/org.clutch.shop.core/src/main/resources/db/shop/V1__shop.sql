-- The shop desktop's local database (H2, file mode). Money is in minor units of the shop's currency (BIGINT),
-- quantities are whole units, tax rates are basis points (1600 = 16 %).

CREATE TABLE shop_setting (
    setting_name  VARCHAR(64) PRIMARY KEY,
    setting_value VARCHAR(400) NOT NULL
);
INSERT INTO shop_setting (setting_name, setting_value) VALUES
    ('shop.name', 'Clutch parts shop'),
    ('shop.currency', 'KES'),
    ('shop.currency-decimals', '2'),
    ('tax.rate-bp', '1600'),
    ('tax.prices-include-tax', 'true'),
    ('returns.clerk-limit-minor', '500000'),
    ('receipt.footer', 'Goods can be returned within 30 days with this receipt.');

CREATE TABLE staff (
    id            UUID PRIMARY KEY,
    username      VARCHAR(64) NOT NULL UNIQUE,
    display_name  VARCHAR(120) NOT NULL,
    role          VARCHAR(16) NOT NULL CHECK (role IN ('CLERK', 'MANAGER')),
    password_hash VARCHAR(200) NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE part (
    id            UUID PRIMARY KEY,
    part_number   VARCHAR(64) NOT NULL,
    number_key    VARCHAR(64) NOT NULL,          -- part number upper-cased, separators removed
    brand         VARCHAR(80) NOT NULL,
    name          VARCHAR(200) NOT NULL,
    category      VARCHAR(80) NOT NULL,
    barcode       VARCHAR(32),
    cost_minor    BIGINT NOT NULL CHECK (cost_minor >= 0),
    price_minor   BIGINT NOT NULL CHECK (price_minor >= 0),
    taxable       BOOLEAN NOT NULL DEFAULT TRUE,
    default_bin   VARCHAR(32) NOT NULL DEFAULT 'MAIN',
    min_qty       INTEGER NOT NULL DEFAULT 0 CHECK (min_qty >= 0),
    max_qty       INTEGER NOT NULL DEFAULT 0 CHECK (max_qty >= 0),
    reorder_point INTEGER NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT part_brand_number UNIQUE (brand, number_key)
);
CREATE INDEX part_number_key ON part (number_key);
CREATE UNIQUE INDEX part_barcode ON part (barcode);

-- OEM and aftermarket numbers the part replaces or is known by.
CREATE TABLE part_cross_reference (
    part_id    UUID NOT NULL REFERENCES part (id) ON DELETE CASCADE,
    kind       VARCHAR(16) NOT NULL CHECK (kind IN ('OEM', 'AFTERMARKET')),
    brand      VARCHAR(80) NOT NULL,
    number     VARCHAR(64) NOT NULL,
    number_key VARCHAR(64) NOT NULL,
    PRIMARY KEY (part_id, brand, number_key)
);
CREATE INDEX cross_reference_key ON part_cross_reference (number_key);

CREATE TABLE part_fitment (
    part_id   UUID NOT NULL REFERENCES part (id) ON DELETE CASCADE,
    make      VARCHAR(40) NOT NULL,               -- upper case
    model     VARCHAR(60) NOT NULL,               -- upper case
    year_from INTEGER NOT NULL,
    year_to   INTEGER NOT NULL,
    engine    VARCHAR(40) NOT NULL DEFAULT '',
    CHECK (year_to >= year_from)
);
CREATE INDEX fitment_vehicle ON part_fitment (make, model, year_from);
CREATE INDEX fitment_part ON part_fitment (part_id);

-- Words of the name, brand and category, for prefix text search without scanning the catalog.
CREATE TABLE part_word (
    word    VARCHAR(40) NOT NULL,
    part_id UUID NOT NULL REFERENCES part (id) ON DELETE CASCADE,
    PRIMARY KEY (word, part_id)
);
CREATE INDEX part_word_part ON part_word (part_id);

-- Stock is a ledger: every change is a movement with a reason. stock_level is its running sum per bin,
-- updated in the same transaction as the movement.
CREATE TABLE stock_movement (
    id         UUID PRIMARY KEY,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    part_id    UUID NOT NULL REFERENCES part (id),
    bin        VARCHAR(32) NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity <> 0),
    reason     VARCHAR(16) NOT NULL CHECK (reason IN ('SALE', 'RETURN', 'RECEIPT', 'ADJUSTMENT', 'COUNT', 'TRANSFER', 'VOID')),
    reference  VARCHAR(64),
    note       VARCHAR(400),
    staff_id   UUID REFERENCES staff (id),
    moved_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stock_movement_part ON stock_movement (part_id, moved_at);

CREATE TABLE stock_level (
    part_id       UUID NOT NULL REFERENCES part (id),
    bin           VARCHAR(32) NOT NULL,
    on_hand       INTEGER NOT NULL,
    last_movement TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (part_id, bin)
);

CREATE SEQUENCE sale_number_seq START WITH 1;

CREATE TABLE sale (
    id              UUID PRIMARY KEY,
    number          VARCHAR(20) UNIQUE,           -- given when the sale is completed
    status          VARCHAR(12) NOT NULL CHECK (status IN ('HELD', 'COMPLETED', 'VOIDED')),
    kind            VARCHAR(8) NOT NULL DEFAULT 'SALE' CHECK (kind IN ('SALE', 'RETURN')),
    original_sale   UUID REFERENCES sale (id),    -- for returns
    customer_id     UUID,
    staff_id        UUID NOT NULL REFERENCES staff (id),
    hold_label      VARCHAR(80),
    discount_kind   VARCHAR(8),
    discount_value  BIGINT NOT NULL DEFAULT 0,
    subtotal_minor  BIGINT NOT NULL DEFAULT 0,
    discount_minor  BIGINT NOT NULL DEFAULT 0,
    tax_minor       BIGINT NOT NULL DEFAULT 0,
    total_minor     BIGINT NOT NULL DEFAULT 0,
    paid_minor      BIGINT NOT NULL DEFAULT 0,
    change_minor    BIGINT NOT NULL DEFAULT 0,
    void_reason     VARCHAR(400),
    voided_by       UUID REFERENCES staff (id),
    voided_at       TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sale_completed ON sale (status, completed_at);

CREATE TABLE sale_line (
    sale_id           UUID NOT NULL REFERENCES sale (id) ON DELETE CASCADE,
    line_no           INTEGER NOT NULL,
    part_id           UUID NOT NULL REFERENCES part (id),
    part_number       VARCHAR(64) NOT NULL,
    description       VARCHAR(200) NOT NULL,
    bin               VARCHAR(32) NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor  BIGINT NOT NULL,
    unit_cost_minor   BIGINT NOT NULL,
    discount_kind     VARCHAR(8),
    discount_value    BIGINT NOT NULL DEFAULT 0,
    discount_minor    BIGINT NOT NULL DEFAULT 0,   -- line and share of the sale discount
    tax_minor         BIGINT NOT NULL DEFAULT 0,
    total_minor       BIGINT NOT NULL DEFAULT 0,   -- what the customer pays for the line, tax included
    original_line_no  INTEGER,                     -- for returns
    restock           BOOLEAN,
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE sale_tender (
    sale_id      UUID NOT NULL REFERENCES sale (id) ON DELETE CASCADE,
    tender_no    INTEGER NOT NULL,
    kind         VARCHAR(8) NOT NULL CHECK (kind IN ('CASH', 'CARD', 'ACCOUNT')),
    amount_minor BIGINT NOT NULL,
    reference    VARCHAR(64),
    PRIMARY KEY (sale_id, tender_no)
);

-- Every change is recorded here in the same local transaction, for sync with the backend.
CREATE TABLE outbox_event (
    id         UUID PRIMARY KEY,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    type       VARCHAR(64) NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    subject_id UUID NOT NULL,
    payload    VARCHAR(1000000) NOT NULL,   -- JSON; CLOB would put each event in H2's LOB store
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outbox_unsent ON outbox_event (sent_at, seq);
