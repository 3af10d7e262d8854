-- Per-field "last writer wins" for the shops' mirrored catalogs: each field keeps the hybrid-logical-clock stamp of
-- the edit that set it (see org.clutch.jms.HybridClock: epoch milliseconds << 16, plus a counter), so a desktop's
-- edit of the name and head office's edit of the price made while apart both survive, and for the same field the
-- later edit wins on both sides. Rows from before take the time of their last edit for every field.
ALTER TABLE shop_catalog_part
    ADD COLUMN part_number_stamp bigint NOT NULL DEFAULT 0,
    ADD COLUMN brand_stamp       bigint NOT NULL DEFAULT 0,
    ADD COLUMN name_stamp        bigint NOT NULL DEFAULT 0,
    ADD COLUMN category_stamp    bigint NOT NULL DEFAULT 0,
    ADD COLUMN barcode_stamp     bigint NOT NULL DEFAULT 0,
    ADD COLUMN cost_minor_stamp  bigint NOT NULL DEFAULT 0,
    ADD COLUMN price_minor_stamp bigint NOT NULL DEFAULT 0,
    ADD COLUMN taxable_stamp     bigint NOT NULL DEFAULT 0;

UPDATE shop_catalog_part
   SET part_number_stamp = (extract(epoch FROM changed_at) * 1000)::bigint << 16,
       brand_stamp       = (extract(epoch FROM changed_at) * 1000)::bigint << 16,
       name_stamp        = (extract(epoch FROM changed_at) * 1000)::bigint << 16,
       category_stamp    = (extract(epoch FROM changed_at) * 1000)::bigint << 16,
       barcode_stamp     = (extract(epoch FROM changed_at) * 1000)::bigint << 16,
       cost_minor_stamp  = (extract(epoch FROM changed_at) * 1000)::bigint << 16,
       price_minor_stamp = (extract(epoch FROM changed_at) * 1000)::bigint << 16,
       taxable_stamp     = (extract(epoch FROM changed_at) * 1000)::bigint << 16;
