-- Demo data, applied only when clutch.demo-data=true (the embedded backend). Idempotent.
-- One shop-business tenant with three shops in and around Nairobi carrying different makes,
-- one far-away shop (Mombasa), one customer with a vehicle, and their accounts. Every demo account's
-- password is clutch-demo-parts (PBKDF2 hashes below, 600,000 iterations).

-- Demo data spans tenants: state the platform scope for row-level security (this transaction only).
SELECT set_config('clutch.scope', 'platform', true);

INSERT INTO tenant (id, name, legal_name, currency, locale, time_zone, tax_rate_percent, brand_display_name, plan) VALUES
    ('10000000-0000-0000-0000-000000000001', 'Demo Parts Group', 'Demo Parts Group Ltd', 'KES', 'en-KE', 'Africa/Nairobi', 16,
     'Demo Parts', 'STANDARD')
ON CONFLICT (id) DO NOTHING;

-- Four verified shops and one that finished onboarding and waits for a platform admin's verification.
INSERT INTO shop (id, tenant_id, name, legal_name, phone, status, latitude, longitude, address, service_radius_km,
                  inventory_source, pricing_strategy, pricing_percent, status_changed_at, submitted_at) VALUES
    ('20000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', 'Westlands Auto Spares',
     'Demo Parts Group Ltd', '+254 700 100001', 'ACTIVE', -1.2676, 36.8108, 'Waiyaki Way, Westlands, Nairobi', 15,
     'DESKTOP_SYNC', 'COST_PLUS', 30, now(), now()),
    ('20000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000001', 'Industrial Area Motors',
     'Demo Parts Group Ltd', '+254 700 100002', 'ACTIVE', -1.3031, 36.8510, 'Enterprise Road, Industrial Area, Nairobi', 20,
     'DESKTOP_SYNC', 'COST_PLUS', 25, now(), now()),
    ('20000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000001', 'Thika Road Euro Parts',
     'Demo Parts Group Ltd', '+254 700 100003', 'ACTIVE', -1.2195, 36.8880, 'Thika Road, Kasarani, Nairobi', 10,
     'FILE_IMPORT', 'LIST_MINUS', 10, now(), now()),
    ('20000000-0000-0000-0000-000000000004', '10000000-0000-0000-0000-000000000001', 'Mombasa Coast Spares',
     'Demo Parts Group Ltd', '+254 700 100004', 'ACTIVE', -4.0435, 39.6682, 'Moi Avenue, Mombasa', 30,
     'MANUAL', 'MANUAL', NULL, now(), now()),
    ('20000000-0000-0000-0000-000000000005', '10000000-0000-0000-0000-000000000001', 'Nakuru Highway Spares',
     'Demo Parts Group Ltd', '+254 700 100005', 'PENDING_VERIFICATION', -0.3031, 36.0800, 'Kenyatta Avenue, Nakuru', 25,
     'DESKTOP_SYNC', 'COST_PLUS', 28, now(), now())
ON CONFLICT (id) DO NOTHING;

INSERT INTO shop_make (shop_id, make) VALUES
    ('20000000-0000-0000-0000-000000000001', 'TOYOTA'),
    ('20000000-0000-0000-0000-000000000001', 'NISSAN'),
    ('20000000-0000-0000-0000-000000000002', 'TOYOTA'),
    ('20000000-0000-0000-0000-000000000002', 'MITSUBISHI'),
    ('20000000-0000-0000-0000-000000000003', 'VOLKSWAGEN'),
    ('20000000-0000-0000-0000-000000000003', 'BMW'),
    ('20000000-0000-0000-0000-000000000004', 'TOYOTA'),
    ('20000000-0000-0000-0000-000000000005', 'TOYOTA'),
    ('20000000-0000-0000-0000-000000000005', 'ISUZU')
ON CONFLICT DO NOTHING;

INSERT INTO customer (id, display_name) VALUES
    ('30000000-0000-0000-0000-000000000001', 'Demo Customer')
ON CONFLICT (id) DO NOTHING;

INSERT INTO customer_vehicle (id, customer_id, make, model, model_year, vin) VALUES
    ('31000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000001',
     'Toyota', 'Corolla', 2016, NULL)
ON CONFLICT (id) DO NOTHING;

INSERT INTO user_account (id, email, display_name, password_hash, role, tenant_id, shop_id, customer_id) VALUES
    ('40000000-0000-0000-0000-000000000001', 'customer@demo.clutch', 'Demo Customer', 'pbkdf2-sha256$600000$6ZsNQuOlexdAFFo40Sh4lw$GVXZ0SipXu3ixjMuS9CpCxoFQBnv7uW3rs71nig6IH0', 'CUSTOMER', NULL, NULL, '30000000-0000-0000-0000-000000000001'),
    ('40000000-0000-0000-0000-000000000002', 'westlands@demo.clutch', 'Westlands manager', 'pbkdf2-sha256$600000$J65RD3k//mFRVY7gpBP6tQ$TJC+w8H6+06RY77xPKKubFP76vinFSEtdiYNi14/47M', 'SHOP_MANAGER', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000001', NULL),
    ('40000000-0000-0000-0000-000000000003', 'industrial@demo.clutch', 'Industrial Area counter', 'pbkdf2-sha256$600000$BVPvkNkuJRaRNTdU9VJVrw$8jgb1cbmctKPHruwLH3bnCboFho/EwBXvD47Q/5Gg10', 'SHOP_STAFF', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000002', NULL),
    ('40000000-0000-0000-0000-000000000004', 'thikaroad@demo.clutch', 'Thika Road counter', 'pbkdf2-sha256$600000$vW2oIXGuQ2V2Ib1DsmpTKQ$sHLx1hqTQkAMOOLoFEpZalsJeGG5glO0pW4tgRuda4M', 'SHOP_STAFF', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000003', NULL),
    ('40000000-0000-0000-0000-000000000005', 'mombasa@demo.clutch', 'Mombasa counter', 'pbkdf2-sha256$600000$0HY6+Ccn4dn3VHYsJc9a6A$cW64JSMvSdK3m3j1CRDlAlQzQ5ct0SsJlcQ1Bo9dZ4Y', 'SHOP_STAFF', '10000000-0000-0000-0000-000000000001', '20000000-0000-0000-0000-000000000004', NULL),
    ('40000000-0000-0000-0000-000000000006', 'owner@demo.clutch', 'Demo Parts owner', 'pbkdf2-sha256$600000$frN7pWWGFHK6YGVVEihpew$PD5BmKe/jj9fLKzrHtpHqG5DnY53j8eh7lx4FwHO77M', 'TENANT_ADMIN', '10000000-0000-0000-0000-000000000001', NULL, NULL)
ON CONFLICT (id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name, password_hash = excluded.password_hash,
    role = excluded.role, tenant_id = excluded.tenant_id, shop_id = excluded.shop_id, customer_id = excluded.customer_id;

-- The demo shop desktop (bin/build-desktop, -Dclutch.shop.demo=true) syncs as Westlands with this broker account;
-- its password, for the demo only, is clutch-demo-westlands. Real shops get theirs from
-- POST /api/v1/sync/shops/{id}/broker-account.
INSERT INTO broker_account (username, tenant_id, shop_id, secret_sha256, issued_at, issued_by) VALUES
    ('shop-20000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001',
     '20000000-0000-0000-0000-000000000001', encode(sha256(convert_to('clutch-demo-westlands', 'UTF8')), 'hex'), now(),
     '40000000-0000-0000-0000-000000000006')
ON CONFLICT (username) DO NOTHING;

-- A fleet operator that integrates through the broker (docs/partners): its system connects as
-- partner-10000000-0000-0000-0000-000000000002 with, for the demo only, the password clutch-demo-fleet. Real partners get
-- theirs from a platform admin (POST /api/v1/partners/{tenantId}/broker-account).
INSERT INTO tenant (id, kind, name, legal_name, currency, locale, time_zone, tax_rate_percent, brand_display_name, plan,
                    partner_roles) VALUES
    ('10000000-0000-0000-0000-000000000002', 'PARTNER', 'Demo Fleet Services', 'Demo Fleet Services Ltd', 'KES', 'en-KE',
     'Africa/Nairobi', 16, 'Demo Fleet', 'STANDARD', 'BUYER')
ON CONFLICT (id) DO NOTHING;
INSERT INTO broker_account (username, tenant_id, shop_id, secret_sha256, issued_at, issued_by) VALUES
    ('partner-10000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000002', NULL,
     encode(sha256(convert_to('clutch-demo-fleet', 'UTF8')), 'hex'), now(), '40000000-0000-0000-0000-000000000006')
ON CONFLICT (username) DO NOTHING;
