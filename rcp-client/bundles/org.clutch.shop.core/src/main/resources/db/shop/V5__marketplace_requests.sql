-- Parts requests the marketplace dispatched to this shop (from the shop's inbox queue), for the Quotes screen.
-- One row per request, whatever the broker delivers twice.
CREATE TABLE marketplace_request (
    request_id    UUID PRIMARY KEY,
    message_id    UUID NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    dispatched_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    vehicle       VARCHAR(200) NOT NULL,
    distance_km   DECIMAL(9, 2) NOT NULL,
    payload       VARCHAR(1000000) NOT NULL   -- the request as the marketplace sent it (JSON)
);
CREATE INDEX marketplace_request_expiry ON marketplace_request (expires_at);
