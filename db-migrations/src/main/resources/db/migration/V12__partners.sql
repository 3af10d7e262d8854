-- B2B partners on the broker (issue 8).

-- A partner tenant's system gets a broker account too (issued by platform admins): one per partner, no shop.
ALTER TABLE broker_account ALTER COLUMN shop_id DROP NOT NULL;
CREATE UNIQUE INDEX broker_account_one_per_partner ON broker_account (tenant_id) WHERE shop_id IS NULL;

-- A fleet operator or insurer buys on the marketplace as a customer of its own: its requests, quotes and orders are
-- that customer's, under the same rules as a car owner's.
CREATE TABLE partner_buyer (
    tenant_id   uuid PRIMARY KEY REFERENCES tenant (id),
    customer_id uuid NOT NULL UNIQUE REFERENCES customer (id)
);

-- A request a partner submitted, with the correlation id its answers and later events (quotes, the order) carry.
CREATE TABLE partner_request (
    request_id     uuid         PRIMARY KEY REFERENCES parts_request (id),
    tenant_id      uuid         NOT NULL REFERENCES tenant (id),
    correlation_id varchar(100) NOT NULL
);

-- Every message a partner sent, taken once by its id, and what came of it: the partner's traffic for admins.
CREATE TABLE partner_message (
    tenant_id   uuid          NOT NULL REFERENCES tenant (id),
    message_id  varchar(100)  NOT NULL,
    type        varchar(64)   NOT NULL,
    received_at timestamptz   NOT NULL,
    outcome     varchar(16)   NOT NULL CHECK (outcome IN ('APPLIED', 'REJECTED')),
    code        varchar(40),
    reason      varchar(2000),
    PRIMARY KEY (tenant_id, message_id)
);
CREATE INDEX partner_message_recent ON partner_message (tenant_id, received_at DESC);

ALTER TABLE partner_buyer ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_buyer FORCE ROW LEVEL SECURITY;
CREATE POLICY partner_buyer_own ON partner_buyer USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
ALTER TABLE partner_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_message FORCE ROW LEVEL SECURITY;
CREATE POLICY partner_message_own ON partner_message USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
ALTER TABLE partner_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_request FORCE ROW LEVEL SECURITY;
CREATE POLICY partner_request_own ON partner_request USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
