-- Purchase orders from shops to supplier partners (issue 8).

-- A supplier on a shop's desktop that is a partner on the platform: the shop's purchase orders to it are delivered to
-- the partner's outbound address.
CREATE TABLE supplier_link (
    shop_id             uuid        NOT NULL,
    tenant_id           uuid        NOT NULL,
    supplier_id         uuid        NOT NULL,   -- the supplier's id on the shop's desktop
    partner_tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    linked_at           timestamptz NOT NULL,
    PRIMARY KEY (shop_id, supplier_id),
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id)
);

-- Each purchase order delivered to a partner, and how far the supplier has taken it.
CREATE TABLE partner_purchase_order (
    purchase_order_id uuid         PRIMARY KEY,   -- the order's id on the shop's desktop
    shop_id           uuid         NOT NULL,
    tenant_id         uuid         NOT NULL,
    partner_tenant_id uuid         NOT NULL REFERENCES tenant (id),
    number            varchar(40)  NOT NULL,
    status            varchar(20)  NOT NULL CHECK (status IN ('PLACED', 'CANCELLED', 'ACKNOWLEDGED', 'SHIPPED')),
    updated_at        timestamptz  NOT NULL,
    FOREIGN KEY (shop_id, tenant_id) REFERENCES shop (id, tenant_id)
);

ALTER TABLE supplier_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE supplier_link FORCE ROW LEVEL SECURITY;
CREATE POLICY supplier_link_own ON supplier_link USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
ALTER TABLE partner_purchase_order ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_purchase_order FORCE ROW LEVEL SECURITY;
CREATE POLICY partner_purchase_order_own ON partner_purchase_order USING (clutch_platform_scope() OR tenant_id = clutch_tenant());
