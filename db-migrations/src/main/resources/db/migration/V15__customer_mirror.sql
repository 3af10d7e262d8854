-- Head office's mirror of each shop's customers, kept from the desktops' customers.customer-saved events as the
-- catalog is (V8, V10): each field with the hybrid-logical-clock stamp of the edit that set it, so for the same field
-- the later edit wins, and an event that arrives after a later one changes nothing it should not. The vehicles are
-- one field: the customer's list as the desktop last saved it (a JSON array of id, make, model, year, engine, vin,
-- plate).
CREATE TABLE shop_customer (
    shop_id                  uuid          NOT NULL,
    customer_id              uuid          NOT NULL,
    tenant_id                uuid          NOT NULL,
    name                     varchar(120)  NOT NULL,
    phone                    varchar(40),
    email                    varchar(120),
    credit_limit_minor       bigint        NOT NULL CHECK (credit_limit_minor >= 0),
    vehicles                 text          NOT NULL,
    name_stamp               bigint        NOT NULL,
    phone_stamp              bigint        NOT NULL,
    email_stamp              bigint        NOT NULL,
    credit_limit_minor_stamp bigint        NOT NULL,
    vehicles_stamp           bigint        NOT NULL,
    changed_at               timestamptz   NOT NULL,   -- when the desktop made the latest change the mirror holds
    event_id                 uuid          NOT NULL,
    PRIMARY KEY (shop_id, customer_id),
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id)
);

ALTER TABLE shop_customer ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop_customer FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_customer_own ON shop_customer USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
