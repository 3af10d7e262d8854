-- A shop's customer erased at their request on the desktop: head office's copy keeps no details, and no edit of head
-- office's may fill them in again.
ALTER TABLE shop_customer ADD COLUMN erased_at timestamptz;
