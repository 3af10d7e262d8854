-- Customers are shared with head office as parts are (V7): each customer keeps the stamp of the edit that set each
-- shared field (name, phone, email, credit limit, vehicles; JSON {field: stamp}, null for customers from before: every
-- field then counts as set at updated_at), and its latest stamp, from which the edit clock restarts.
ALTER TABLE customer ADD COLUMN field_stamps VARCHAR(1000);
ALTER TABLE customer ADD COLUMN last_stamp BIGINT NOT NULL DEFAULT 0;

-- The fields both sides changed while apart, of parts and now of customers, in one list for review. The catalog's
-- open and reviewed conflicts move here as they are.
CREATE TABLE edit_conflict (
    id           UUID PRIMARY KEY,
    subject      VARCHAR(16) NOT NULL,       -- PART or CUSTOMER
    subject_id   UUID NOT NULL,              -- the part's or the customer's id
    field        VARCHAR(32) NOT NULL,
    kept_value   VARCHAR(200),
    kept_from    VARCHAR(16) NOT NULL,       -- HERE or HEAD_OFFICE
    other_value  VARCHAR(200),
    detected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at  TIMESTAMP WITH TIME ZONE,
    resolved_by  VARCHAR(64),
    resolution   VARCHAR(16)                 -- KEPT or OTHER_TAKEN
);
INSERT INTO edit_conflict (id, subject, subject_id, field, kept_value, kept_from, other_value, detected_at, resolved_at,
                           resolved_by, resolution)
SELECT id, 'PART', part_id, field, kept_value, kept_from, other_value, detected_at, resolved_at, resolved_by, resolution
  FROM catalog_conflict;
DROP TABLE catalog_conflict;
CREATE INDEX edit_conflict_open ON edit_conflict (resolved_at, detected_at);
