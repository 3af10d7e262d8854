-- Orders: what an accepted quote becomes. Lines, prices and currency are copied from the quote when it is accepted
-- and never change afterwards. An order belongs to the quoting shop's tenant and to the customer; both see it.
-- Money moves only through the payment ledger (payments and refunds); the order keeps the running sums that its
-- guards need, and the CHECKs below keep them honest even against a faulty update.
CREATE SEQUENCE customer_order_number_seq START 100001;

CREATE TABLE customer_order (
    id                uuid PRIMARY KEY,
    number            bigint        NOT NULL UNIQUE,
    tenant_id         uuid          NOT NULL REFERENCES tenant (id),
    shop_id           uuid          NOT NULL,
    customer_id       uuid          NOT NULL REFERENCES customer (id),
    request_id        uuid          NOT NULL UNIQUE REFERENCES parts_request (id),
    quote_id          uuid          NOT NULL UNIQUE REFERENCES quote (id),
    status            varchar(30)   NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'PAID', 'PROCESSING', 'READY', 'SHIPPED',
                                                               'DELIVERED', 'CANCELLED', 'RETURNED', 'REFUNDED')),
    currency          char(3)       NOT NULL,
    items_total       numeric(14, 2) NOT NULL CHECK (items_total >= 0),
    freight           numeric(14, 2) NOT NULL CHECK (freight >= 0),
    total             numeric(14, 2) NOT NULL CHECK (total = items_total + freight),
    amount_paid       numeric(14, 2) NOT NULL DEFAULT 0 CHECK (amount_paid >= 0 AND amount_paid <= total),
    amount_refunded   numeric(14, 2) NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0 AND amount_refunded <= amount_paid),
    freight_refunded  boolean       NOT NULL DEFAULT false,
    payment_method    varchar(30)   CHECK (payment_method IN ('CARD', 'BANK_TRANSFER', 'CASH_ON_DELIVERY')),
    vehicle           varchar(200)  NOT NULL,
    delivery_address  varchar(500)  NOT NULL,
    delivery_instructions varchar(500),
    carrier           varchar(100),
    tracking_number   varchar(100),
    cancel_reason     varchar(500),
    cancelled_by_role varchar(30),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    delivered_at      timestamptz,
    version           bigint        NOT NULL DEFAULT 0,
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id)
);
CREATE INDEX customer_order_customer_idx ON customer_order (customer_id, created_at DESC);
CREATE INDEX customer_order_shop_idx ON customer_order (shop_id, created_at DESC);
CREATE INDEX customer_order_tenant_idx ON customer_order (tenant_id, created_at DESC);

CREATE TABLE customer_order_line (
    id                uuid PRIMARY KEY,
    order_id          uuid          NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    line_no           integer       NOT NULL,
    request_line_id   uuid          NOT NULL,
    name              varchar(200)  NOT NULL,
    part_number       varchar(60),
    quantity          integer       NOT NULL CHECK (quantity > 0),
    unit_price        numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
    refunded_quantity integer       NOT NULL DEFAULT 0 CHECK (refunded_quantity >= 0 AND refunded_quantity <= quantity),
    UNIQUE (order_id, line_no)
);

-- The timeline: every step of an order, who took it and what it changed. Readable by the customer and the shop.
CREATE TABLE order_event (
    id          uuid PRIMARY KEY,
    order_id    uuid          NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    tenant_id   uuid          NOT NULL,
    customer_id uuid          NOT NULL,
    seq         integer       NOT NULL,
    kind        varchar(40)   NOT NULL,
    status      varchar(30)   NOT NULL,
    actor_role  varchar(30)   NOT NULL,
    actor_id    uuid,
    detail      varchar(1000) NOT NULL,
    at          timestamptz   NOT NULL,
    UNIQUE (order_id, seq)
);

-- The payment ledger: append-only. A payment adds to what the customer paid, a refund gives part of it back.
CREATE TABLE payment_entry (
    id                 uuid PRIMARY KEY,
    order_id           uuid          NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    tenant_id          uuid          NOT NULL,
    customer_id        uuid          NOT NULL,
    kind               varchar(20)   NOT NULL CHECK (kind IN ('PAYMENT', 'REFUND')),
    method             varchar(30)   NOT NULL,
    amount             numeric(14, 2) NOT NULL CHECK (amount > 0),
    currency           char(3)       NOT NULL,
    provider_reference varchar(100),
    note               varchar(500),
    recorded_by_role   varchar(30)   NOT NULL,
    recorded_by        uuid,
    at                 timestamptz   NOT NULL
);
CREATE INDEX payment_entry_order_idx ON payment_entry (order_id, at);

-- Notifications about an order point at it.
ALTER TABLE notification ADD COLUMN order_id uuid;

-- The customer's orders are theirs; the shop's tenant owns them too.
ALTER TABLE customer_order ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_order FORCE ROW LEVEL SECURITY;
CREATE POLICY customer_order_own ON customer_order USING (
    clutch_platform_scope() OR tenant_id = clutch_tenant() OR customer_id = clutch_customer());

ALTER TABLE customer_order_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_order_line FORCE ROW LEVEL SECURITY;
CREATE POLICY customer_order_line_of_visible_order ON customer_order_line USING (
    EXISTS (SELECT 1 FROM customer_order o WHERE o.id = order_id));

ALTER TABLE order_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_event FORCE ROW LEVEL SECURITY;
CREATE POLICY order_event_own ON order_event USING (
    clutch_platform_scope() OR tenant_id = clutch_tenant() OR customer_id = clutch_customer());

ALTER TABLE payment_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_entry_own ON payment_entry USING (
    clutch_platform_scope() OR tenant_id = clutch_tenant() OR customer_id = clutch_customer());
