-- This shop's quote on each marketplace request: the last one written on the desktop (sent through the outbox as
-- marketplace.quote-submitted) and what the marketplace said of it (from the inbox's marketplace.quote-outcome).
CREATE TABLE marketplace_quote (
    request_id    UUID PRIMARY KEY,
    status        VARCHAR(16) NOT NULL,      -- LocalQuote.Status
    detail        VARCHAR(1000) NOT NULL,
    submission_id UUID,                      -- the outbox event of the last quote written here; null if written elsewhere
    quote_id      UUID,                      -- the marketplace's id, once it took the quote
    total         DECIMAL(14, 2),
    currency      CHAR(3),
    draft         VARCHAR(100000),           -- the quote as written here (JSON), to revise it
    written_by    VARCHAR(64),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
