-- What a supplier on the marketplace last said of a purchase order sent to it (purchasing.supplier-update on the
-- shop's inbox): acknowledged or shipped, with its note, the day it expects to ship, carrier and tracking number.
-- Empty for suppliers the shop orders from by phone or e-mail.
ALTER TABLE purchase_order ADD COLUMN supplier_status VARCHAR(16);
ALTER TABLE purchase_order ADD COLUMN supplier_note VARCHAR(500);
ALTER TABLE purchase_order ADD COLUMN supplier_ships_on DATE;
ALTER TABLE purchase_order ADD COLUMN supplier_carrier VARCHAR(100);
ALTER TABLE purchase_order ADD COLUMN supplier_tracking VARCHAR(100);
ALTER TABLE purchase_order ADD COLUMN supplier_answered_at TIMESTAMP WITH TIME ZONE;
