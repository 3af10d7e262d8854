-- Customers are shared with head office as parts are (V7): each customer keeps the stamp of the edit that set each
-- shared field (name, phone, email, credit limit, vehicles; JSON {field: stamp}), and its latest stamp, from which the
-- edit clock restarts.
ALTER TABLE customer ADD COLUMN field_stamps VARCHAR(1000);
ALTER TABLE customer ADD COLUMN last_stamp BIGINT NOT NULL DEFAULT 0;

-- A customer saved before this has every field stamped with its last save, as head office stamped it from that save's
-- event (version 1 carried no stamps; org.clutch.jms.HybridClock.of: epoch milliseconds << 16). Not updated_at, which
-- a sale on account moves too.
MERGE INTO customer c
USING (SELECT subject_id, MAX(created_at) AS saved_at FROM outbox_event
        WHERE type = 'customers.customer-saved' GROUP BY subject_id) s
   ON c.id = s.subject_id
 WHEN MATCHED THEN UPDATE SET last_stamp =
      DATEDIFF(MILLISECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', s.saved_at) * 65536;
UPDATE customer SET last_stamp = DATEDIFF(MILLISECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', created_at) * 65536
 WHERE last_stamp = 0;
UPDATE customer SET field_stamps = '{"name":' || last_stamp || ',"phone":' || last_stamp || ',"email":' || last_stamp
                                   || ',"creditLimitMinor":' || last_stamp || ',"vehicles":' || last_stamp || '}';

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
