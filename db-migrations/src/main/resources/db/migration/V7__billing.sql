-- Billing: plans with their fees, commission accrued on delivered orders (and reversed by refunds), and monthly
-- invoices per tenant, numbered without gaps per tenant.
SELECT set_config('clutch.scope', 'platform', true);

-- A plan: the commission taken on delivered orders, and per currency the monthly subscription fee and the
-- minimum a tenant pays in a month.
CREATE TABLE billing_plan (
    id                 varchar(40)  PRIMARY KEY,
    name               varchar(100) NOT NULL,
    commission_percent numeric(5, 2) NOT NULL CHECK (commission_percent >= 0 AND commission_percent < 100),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    version            bigint       NOT NULL DEFAULT 0
);
CREATE TABLE billing_plan_price (
    plan_id     varchar(40)    NOT NULL REFERENCES billing_plan (id) ON DELETE CASCADE,
    currency    char(3)        NOT NULL,
    monthly_fee numeric(14, 2) NOT NULL CHECK (monthly_fee >= 0),
    minimum_fee numeric(14, 2) NOT NULL CHECK (minimum_fee >= 0),
    PRIMARY KEY (plan_id, currency)
);
INSERT INTO billing_plan (id, name, commission_percent) VALUES
    ('STARTER', 'Starter', 5.00), ('STANDARD', 'Standard', 3.00), ('ENTERPRISE', 'Enterprise', 1.50);
INSERT INTO billing_plan_price (plan_id, currency, monthly_fee, minimum_fee) VALUES
    ('STARTER', 'KES', 0, 0),        ('STANDARD', 'KES', 2500, 5000),  ('ENTERPRISE', 'KES', 25000, 25000),
    ('STARTER', 'UGX', 0, 0),        ('STANDARD', 'UGX', 70000, 140000), ('ENTERPRISE', 'UGX', 700000, 700000),
    ('STARTER', 'TZS', 0, 0),        ('STANDARD', 'TZS', 50000, 100000), ('ENTERPRISE', 'TZS', 500000, 500000),
    ('STARTER', 'USD', 0, 0),        ('STANDARD', 'USD', 20, 40),      ('ENTERPRISE', 'USD', 200, 200),
    ('STARTER', 'EUR', 0, 0),        ('STANDARD', 'EUR', 19, 38),      ('ENTERPRISE', 'EUR', 190, 190);
ALTER TABLE tenant ADD CONSTRAINT tenant_plan_fk FOREIGN KEY (plan) REFERENCES billing_plan (id);

CREATE TABLE invoice (
    id               uuid PRIMARY KEY,
    tenant_id        uuid           NOT NULL REFERENCES tenant (id),
    number           integer        NOT NULL CHECK (number > 0),
    legal_name       varchar(200)   NOT NULL,
    plan_id          varchar(40)    NOT NULL,
    period_start     date           NOT NULL,
    period_end       date           NOT NULL CHECK (period_end > period_start),
    issue_date       date           NOT NULL,
    due_date         date           NOT NULL,
    status           varchar(20)    NOT NULL CHECK (status IN ('ISSUED', 'PAID', 'OVERDUE', 'VOID')),
    currency         char(3)        NOT NULL,
    subtotal         numeric(14, 2) NOT NULL,
    tax_rate_percent numeric(5, 2)  NOT NULL,
    tax              numeric(14, 2) NOT NULL,
    total            numeric(14, 2) NOT NULL CHECK (total = subtotal + tax),
    created_at       timestamptz    NOT NULL,
    paid_at          timestamptz,
    voided_at        timestamptz,
    void_reason      varchar(500),
    version          bigint         NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, number)
);
-- One live invoice per tenant and month: a rerun finds it and bills nothing; a voided one keeps its number and
-- frees the month to be billed again.
CREATE UNIQUE INDEX invoice_one_per_period ON invoice (tenant_id, period_start) WHERE status <> 'VOID';
CREATE INDEX invoice_status_idx ON invoice (status, due_date);

CREATE TABLE invoice_line (
    id          uuid PRIMARY KEY,
    invoice_id  uuid           NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    line_no     integer        NOT NULL,
    kind        varchar(20)    NOT NULL CHECK (kind IN ('SUBSCRIPTION', 'COMMISSION', 'REVERSAL', 'MINIMUM_FEE')),
    description varchar(300)   NOT NULL,
    quantity    integer        NOT NULL,
    amount      numeric(14, 2) NOT NULL,
    UNIQUE (invoice_id, line_no)
);

-- The last invoice number per tenant. Taking the next number locks this row until the invoice commits, so that
-- concurrent runs number one after the other and a rolled-back invoice gives its number back.
CREATE TABLE invoice_counter (
    tenant_id   uuid    PRIMARY KEY REFERENCES tenant (id),
    last_number integer NOT NULL CHECK (last_number >= 0)
);

-- Commission: accrued when an order is delivered, reversed (in part or in full) when it is refunded; each entry
-- is billed once, by the invoice of the month it happened in.
CREATE TABLE commission_entry (
    id           uuid PRIMARY KEY,
    tenant_id    uuid           NOT NULL REFERENCES tenant (id),
    order_id     uuid           NOT NULL REFERENCES customer_order (id),
    order_number bigint         NOT NULL,
    kind         varchar(20)    NOT NULL CHECK (kind IN ('ACCRUAL', 'REVERSAL')),
    base_amount  numeric(14, 2) NOT NULL,
    rate_percent numeric(5, 2)  NOT NULL,
    amount       numeric(14, 2) NOT NULL CHECK (amount >= 0),
    currency     char(3)        NOT NULL,
    occurred_at  timestamptz    NOT NULL,
    invoice_id   uuid REFERENCES invoice (id)
);
CREATE UNIQUE INDEX commission_entry_one_accrual ON commission_entry (order_id) WHERE kind = 'ACCRUAL';
CREATE INDEX commission_entry_unbilled_idx ON commission_entry (tenant_id, occurred_at) WHERE invoice_id IS NULL;
CREATE INDEX commission_entry_invoice_idx ON commission_entry (invoice_id);

-- What each billing run did: for the platform admins only.
CREATE TABLE billing_run (
    id             uuid PRIMARY KEY,
    period_start   date          NOT NULL,
    trigger        varchar(20)   NOT NULL,
    triggered_by   uuid,
    started_at     timestamptz   NOT NULL,
    finished_at    timestamptz   NOT NULL,
    tenants        integer       NOT NULL,
    issued         integer       NOT NULL,
    already_billed integer       NOT NULL,
    failed         integer       NOT NULL,
    report         text          NOT NULL
);
CREATE INDEX billing_run_started_idx ON billing_run (started_at DESC);

ALTER TABLE invoice ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_own ON invoice USING (clutch_platform_scope() OR tenant_id = clutch_tenant());

ALTER TABLE invoice_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_line FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_line_of_visible_invoice ON invoice_line USING (EXISTS (SELECT 1 FROM invoice i WHERE i.id = invoice_id));

ALTER TABLE invoice_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_counter_platform ON invoice_counter USING (clutch_platform_scope());

ALTER TABLE commission_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY commission_entry_own ON commission_entry USING (clutch_platform_scope() OR tenant_id = clutch_tenant());

ALTER TABLE billing_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_run FORCE ROW LEVEL SECURITY;
CREATE POLICY billing_run_platform ON billing_run USING (clutch_platform_scope());
