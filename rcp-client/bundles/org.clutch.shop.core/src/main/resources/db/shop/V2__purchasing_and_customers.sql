-- Suppliers and purchase orders; customers with their vehicles and charge accounts; gapless document numbers.

-- Sale, return and purchase order numbers come from a row updated in the document's own transaction, so a
-- refused or failed sale does not leave a gap in the numbering (a sequence would).
CREATE TABLE document_counter (
    name       VARCHAR(20) PRIMARY KEY,
    last_value BIGINT NOT NULL
);
INSERT INTO document_counter (name, last_value)
    SELECT 'sale', COALESCE(MAX(CAST(SUBSTRING(number, 2) AS BIGINT)), 0) FROM sale WHERE number IS NOT NULL;
INSERT INTO document_counter (name, last_value) VALUES ('purchase_order', 0);
DROP SEQUENCE sale_number_seq;

CREATE TABLE supplier (
    id             UUID PRIMARY KEY,
    name           VARCHAR(120) NOT NULL,
    name_key       VARCHAR(120) NOT NULL UNIQUE,   -- upper case, for "one supplier per name"
    contact        VARCHAR(120),
    phone          VARCHAR(40),
    email          VARCHAR(120),
    lead_time_days INTEGER NOT NULL DEFAULT 7 CHECK (lead_time_days >= 0),
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What a supplier calls a part, what it costs from them and how long they take.
CREATE TABLE supplier_part (
    supplier_id          UUID NOT NULL REFERENCES supplier (id) ON DELETE CASCADE,
    part_id              UUID NOT NULL REFERENCES part (id),
    supplier_part_number VARCHAR(64) NOT NULL,
    cost_minor           BIGINT NOT NULL CHECK (cost_minor >= 0),
    lead_time_days       INTEGER CHECK (lead_time_days >= 0),   -- NULL: the supplier's usual lead time
    pack_quantity        INTEGER NOT NULL DEFAULT 1 CHECK (pack_quantity >= 1),
    preferred            BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (supplier_id, part_id)
);
CREATE INDEX supplier_part_part ON supplier_part (part_id);

CREATE TABLE purchase_order (
    id            UUID PRIMARY KEY,
    number        VARCHAR(20) NOT NULL UNIQUE,
    supplier_id   UUID NOT NULL REFERENCES supplier (id),
    status        VARCHAR(20) NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'SENT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED')),
    expected_on   DATE,
    note          VARCHAR(400),
    created_by    UUID NOT NULL REFERENCES staff (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by   UUID REFERENCES staff (id),
    approved_at   TIMESTAMP WITH TIME ZONE,
    sent_at       TIMESTAMP WITH TIME ZONE,
    closed_at     TIMESTAMP WITH TIME ZONE,          -- received in full or cancelled
    cancel_reason VARCHAR(400)
);
CREATE INDEX purchase_order_status ON purchase_order (status, created_at);

CREATE TABLE purchase_order_line (
    purchase_order_id    UUID NOT NULL REFERENCES purchase_order (id) ON DELETE CASCADE,
    line_no              INTEGER NOT NULL,
    part_id              UUID NOT NULL REFERENCES part (id),
    supplier_part_number VARCHAR(64),
    quantity_ordered     INTEGER NOT NULL CHECK (quantity_ordered > 0),
    quantity_received    INTEGER NOT NULL DEFAULT 0 CHECK (quantity_received >= 0),
    unit_cost_minor      BIGINT NOT NULL CHECK (unit_cost_minor >= 0),
    PRIMARY KEY (purchase_order_id, line_no),
    CHECK (quantity_received <= quantity_ordered)
);

CREATE TABLE customer (
    id                 UUID PRIMARY KEY,
    name               VARCHAR(120) NOT NULL,
    name_key           VARCHAR(120) NOT NULL,          -- upper case, for search
    phone              VARCHAR(40),
    email              VARCHAR(120),
    tax_number         VARCHAR(40),
    credit_limit_minor BIGINT NOT NULL DEFAULT 0 CHECK (credit_limit_minor >= 0),
    balance_minor      BIGINT NOT NULL DEFAULT 0,      -- what the customer owes on account
    note               VARCHAR(400),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_name ON customer (name_key);
CREATE INDEX customer_phone ON customer (phone);

CREATE TABLE customer_vehicle (
    id          UUID PRIMARY KEY,
    customer_id UUID NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    make        VARCHAR(40) NOT NULL,
    model       VARCHAR(60) NOT NULL,
    model_year  INTEGER NOT NULL,
    engine      VARCHAR(40) NOT NULL DEFAULT '',
    vin         VARCHAR(17),
    plate       VARCHAR(20)
);
CREATE INDEX customer_vehicle_customer ON customer_vehicle (customer_id);
CREATE INDEX customer_vehicle_plate ON customer_vehicle (plate);

-- The charge account as a ledger: charges raise the balance, payments and refunds lower it.
CREATE TABLE customer_account_entry (
    id           UUID PRIMARY KEY,
    seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    customer_id  UUID NOT NULL REFERENCES customer (id),
    kind         VARCHAR(8) NOT NULL CHECK (kind IN ('CHARGE', 'PAYMENT', 'REFUND')),
    amount_minor BIGINT NOT NULL,                  -- signed: + owed more, - owed less
    reference    VARCHAR(64),
    staff_id     UUID REFERENCES staff (id),
    entered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_account_entry_customer ON customer_account_entry (customer_id, seq);

ALTER TABLE sale ADD CONSTRAINT sale_customer FOREIGN KEY (customer_id) REFERENCES customer (id);
CREATE INDEX sale_customer_completed ON sale (customer_id, completed_at);
