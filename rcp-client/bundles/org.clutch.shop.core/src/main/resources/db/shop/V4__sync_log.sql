-- What the sync did, for the shop to read back: each batch sent, each time the backend became unreachable or
-- reachable again, each error. Pruned to the most recent entries by the sync itself.
CREATE TABLE sync_log (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    logged_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    events     INTEGER NOT NULL DEFAULT 0,
    detail     VARCHAR(1000) NOT NULL
);
