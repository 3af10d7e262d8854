-- Per-field "last writer wins" between this desktop and head office (org.clutch.jms.HybridClock stamps). Each part
-- keeps the stamp of the edit that set each shared field (JSON {field: stamp}; null for parts from before: every
-- field then counts as set at updated_at), and its latest stamp, from which the clock restarts.
ALTER TABLE part ADD COLUMN field_stamps VARCHAR(1000);
ALTER TABLE part ADD COLUMN last_stamp BIGINT NOT NULL DEFAULT 0;

-- A field both sides changed while apart: the value kept (the later edit, on both sides) and the other one, for a
-- person to review (keep it as it is, or keep the other value instead).
CREATE TABLE catalog_conflict (
    id           UUID PRIMARY KEY,
    part_id      UUID NOT NULL REFERENCES part (id),
    field        VARCHAR(32) NOT NULL,
    kept_value   VARCHAR(200),
    kept_from    VARCHAR(16) NOT NULL,       -- HERE or HEAD_OFFICE
    other_value  VARCHAR(200),
    detected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at  TIMESTAMP WITH TIME ZONE,
    resolved_by  VARCHAR(64),
    resolution   VARCHAR(16)                 -- KEPT or OTHER_TAKEN
);
CREATE INDEX catalog_conflict_open ON catalog_conflict (resolved_at, detected_at);
