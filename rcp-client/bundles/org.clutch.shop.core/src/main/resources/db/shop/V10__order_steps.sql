-- A step the shop took on one of its marketplace orders at this desktop (PROCESSING, READY, SHIPPED, DELIVERED),
-- waiting for the marketplace to confirm it (the order comes back at that step) or refuse it (with why: the
-- customer cancelled meanwhile, the order is not at the step before).
ALTER TABLE marketplace_order ADD COLUMN requested_step VARCHAR(16);
ALTER TABLE marketplace_order ADD COLUMN requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE marketplace_order ADD COLUMN step_refusal VARCHAR(1000);
