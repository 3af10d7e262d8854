-- Shops may opt in to automatic quotes: a request that reaches them is quoted at once from the stock and prices
-- their desktop synced (shop_catalog_part, shop_stock_movement), priced by the shop's pricing strategy.
ALTER TABLE shop ADD COLUMN auto_quote boolean NOT NULL DEFAULT false;

-- what the shop pays for a part, for COST_PLUS pricing; null until the desktop sends it
ALTER TABLE shop_catalog_part ADD COLUMN cost_minor bigint CHECK (cost_minor >= 0);

-- requests name parts by number: find a shop's part by number regardless of case
CREATE INDEX shop_catalog_part_number_idx ON shop_catalog_part (shop_id, upper(part_number));
