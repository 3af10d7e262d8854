-- Orders of this shop from the marketplace (the customer accepted its quote), as they come on the inbox
-- (orders.order-changed), and per line the stock this desktop set aside for it: reserved (a transfer into the
-- MARKETPLACE bin, referenced by the order number) while the order is to be fulfilled, put back if it is cancelled,
-- taken out (a sale) when it ships.
CREATE TABLE marketplace_order (
    order_id      UUID PRIMARY KEY,
    order_number  VARCHAR(32) NOT NULL,
    status        VARCHAR(24) NOT NULL,
    payload       VARCHAR(1000000) NOT NULL,   -- the order as the marketplace sent it last (JSON)
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE marketplace_order_stock (
    order_id   UUID NOT NULL REFERENCES marketplace_order (order_id),
    line_no    INTEGER NOT NULL,
    part_id    UUID NOT NULL REFERENCES part (id),
    from_bin   VARCHAR(32) NOT NULL,
    quantity   INTEGER NOT NULL,
    state      VARCHAR(16) NOT NULL,            -- RESERVED, RELEASED, SHIPPED
    PRIMARY KEY (order_id, line_no)
);
