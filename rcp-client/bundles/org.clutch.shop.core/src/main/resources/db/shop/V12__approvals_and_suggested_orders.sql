-- A sale or return that needed a manager (a discount over the clerk's limit, a sale at zero, a refund over the
-- clerk's limit or in cash beyond the cash taken) names the manager who approved it.
ALTER TABLE sale ADD COLUMN approved_by UUID REFERENCES staff (id);

-- The largest discount a clerk may give alone, as a share of the sale in basis points (1000 = 10 %); a manager
-- changes it at the till.
INSERT INTO shop_setting (setting_name, setting_value) VALUES ('sales.clerk-discount-limit-bp', '1000');

-- Draft orders made by "Draft suggested orders" are marked, so that pressing it again updates them instead of
-- adding more.
ALTER TABLE purchase_order ADD COLUMN suggested BOOLEAN NOT NULL DEFAULT FALSE;
