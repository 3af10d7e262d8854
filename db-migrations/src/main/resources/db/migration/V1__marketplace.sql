-- Marketplace foundation: tenants, shops, customers, identities, parts requests, dispatches, quotes,
-- notifications. Every tenant-owned row carries tenant_id. Times are timestamptz (UTC).

CREATE TABLE tenant (
    id          uuid PRIMARY KEY,
    name        varchar(200) NOT NULL,
    currency    char(3)      NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE shop (
    id                uuid PRIMARY KEY,
    tenant_id         uuid          NOT NULL REFERENCES tenant (id),
    name              varchar(200)  NOT NULL,
    status            varchar(30)   NOT NULL,
    latitude          double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude         double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    address           varchar(500)  NOT NULL,
    service_radius_km numeric(7, 2) NOT NULL CHECK (service_radius_km > 0),
    version           bigint        NOT NULL DEFAULT 0,
    created_at        timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX shop_status_idx ON shop (status);

-- Makes are stored upper-case so that matching is case-insensitive.
CREATE TABLE shop_make (
    shop_id uuid        NOT NULL REFERENCES shop (id) ON DELETE CASCADE,
    make    varchar(60) NOT NULL,
    PRIMARY KEY (shop_id, make)
);
CREATE INDEX shop_make_make_idx ON shop_make (make);

CREATE TABLE customer (
    id          uuid PRIMARY KEY,
    display_name varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE customer_vehicle (
    id          uuid PRIMARY KEY,
    customer_id uuid        NOT NULL REFERENCES customer (id),
    make        varchar(60) NOT NULL,
    model       varchar(60) NOT NULL,
    model_year  integer     NOT NULL,
    vin         char(17)
);

-- Development identities (the accounts issue replaces them with real login). Each is bound to exactly
-- one customer or one shop, which the issued token carries.
CREATE TABLE app_user (
    id          uuid PRIMARY KEY,
    username    varchar(100) NOT NULL UNIQUE,
    role        varchar(30)  NOT NULL,
    customer_id uuid REFERENCES customer (id),
    shop_id     uuid REFERENCES shop (id),
    CHECK ((role = 'CUSTOMER' AND customer_id IS NOT NULL AND shop_id IS NULL)
        OR (role = 'SHOP_STAFF' AND shop_id IS NOT NULL AND customer_id IS NULL))
);

CREATE TABLE parts_request (
    id                uuid PRIMARY KEY,
    customer_id       uuid         NOT NULL REFERENCES customer (id),
    status            varchar(30)  NOT NULL,
    vehicle_make      varchar(60)  NOT NULL,
    vehicle_model     varchar(60)  NOT NULL,
    vehicle_year      integer      NOT NULL,
    vin               char(17),
    vin_manufacturer  varchar(100),
    delivery_latitude  double precision NOT NULL,
    delivery_longitude double precision NOT NULL,
    delivery_address  varchar(500) NOT NULL,
    delivery_instructions varchar(500),
    idempotency_key   varchar(100),
    accepted_quote_id uuid,
    created_at        timestamptz  NOT NULL,
    expires_at        timestamptz  NOT NULL,
    closed_at         timestamptz,
    version           bigint       NOT NULL DEFAULT 0,
    UNIQUE (customer_id, idempotency_key)
);
CREATE INDEX parts_request_customer_idx ON parts_request (customer_id, created_at DESC);
CREATE INDEX parts_request_open_expiry_idx ON parts_request (expires_at) WHERE status IN ('SUBMITTED', 'QUOTED');

CREATE TABLE parts_request_line (
    id          uuid PRIMARY KEY,
    request_id  uuid         NOT NULL REFERENCES parts_request (id) ON DELETE CASCADE,
    line_no     integer      NOT NULL,
    name        varchar(200) NOT NULL,
    part_number varchar(60),
    quantity    integer      NOT NULL CHECK (quantity > 0),
    notes       varchar(500),
    UNIQUE (request_id, line_no)
);

CREATE TABLE dispatch (
    id            uuid PRIMARY KEY,
    request_id    uuid          NOT NULL REFERENCES parts_request (id) ON DELETE CASCADE,
    shop_id       uuid          NOT NULL REFERENCES shop (id),
    tenant_id     uuid          NOT NULL REFERENCES tenant (id),
    distance_km   numeric(8, 2) NOT NULL,
    dispatched_at timestamptz   NOT NULL,
    UNIQUE (request_id, shop_id)
);
CREATE INDEX dispatch_shop_idx ON dispatch (shop_id, dispatched_at DESC);

CREATE TABLE quote (
    id           uuid PRIMARY KEY,
    request_id   uuid          NOT NULL REFERENCES parts_request (id) ON DELETE CASCADE,
    shop_id      uuid          NOT NULL REFERENCES shop (id),
    tenant_id    uuid          NOT NULL REFERENCES tenant (id),
    status       varchar(30)   NOT NULL,
    currency     char(3)       NOT NULL,
    freight      numeric(12, 2) NOT NULL CHECK (freight >= 0),
    eta_hours    integer       NOT NULL CHECK (eta_hours >= 0),
    valid_until  timestamptz   NOT NULL,
    notes        varchar(1000),
    revision     integer       NOT NULL DEFAULT 1,
    submitted_at timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL DEFAULT 0,
    UNIQUE (request_id, shop_id)
);

CREATE TABLE quote_line (
    id              uuid PRIMARY KEY,
    quote_id        uuid           NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
    request_line_id uuid           NOT NULL REFERENCES parts_request_line (id),
    available       boolean        NOT NULL,
    unit_price      numeric(12, 2) CHECK (unit_price >= 0),
    CHECK (available = (unit_price IS NOT NULL)),
    UNIQUE (quote_id, request_line_id)
);

ALTER TABLE parts_request
    ADD CONSTRAINT parts_request_accepted_quote_fk FOREIGN KEY (accepted_quote_id) REFERENCES quote (id);

CREATE TABLE notification (
    id             uuid PRIMARY KEY,
    recipient_kind varchar(20)  NOT NULL,
    recipient_id   uuid         NOT NULL,
    type           varchar(40)  NOT NULL,
    request_id     uuid,
    quote_id       uuid,
    message        varchar(500) NOT NULL,
    created_at     timestamptz  NOT NULL,
    read_at        timestamptz
);
CREATE INDEX notification_recipient_idx ON notification (recipient_kind, recipient_id, created_at DESC);
