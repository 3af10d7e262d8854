-- A customer erased at their request: their details are gone, their sales stay for the books. Nothing may bring the
-- details back (a save, or head office's edit), so the mark is kept.
ALTER TABLE customer ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
