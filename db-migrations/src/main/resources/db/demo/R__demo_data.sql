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

INSERT INTO shop (id, tenant_id, name, status, latitude, longitude, address, service_radius_km) VALUES
    ('20000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001',
     'Westlands Auto Spares', 'ACTIVE', -1.2676, 36.8108, 'Waiyaki Way, Westlands, Nairobi', 15),
    ('20000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000001',
     'Industrial Area Motors', 'ACTIVE', -1.3031, 36.8510, 'Enterprise Road, Industrial Area, Nairobi', 20),
    ('20000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000001',
     'Thika Road Euro Parts', 'ACTIVE', -1.2195, 36.8880, 'Thika Road, Kasarani, Nairobi', 10),
    ('20000000-0000-0000-0000-000000000004', '10000000-0000-0000-0000-000000000001',
     'Mombasa Coast Spares', 'ACTIVE', -4.0435, 39.6682, 'Moi Avenue, Mombasa', 30)
ON CONFLICT (id) DO NOTHING;

INSERT INTO shop_make (shop_id, make) VALUES
    ('20000000-0000-0000-0000-000000000001', 'TOYOTA'),
    ('20000000-0000-0000-0000-000000000001', 'NISSAN'),
    ('20000000-0000-0000-0000-000000000002', 'TOYOTA'),
    ('20000000-0000-0000-0000-000000000002', 'MITSUBISHI'),
    ('20000000-0000-0000-0000-000000000003', 'VOLKSWAGEN'),
    ('20000000-0000-0000-0000-000000000003', 'BMW'),
    ('20000000-0000-0000-0000-000000000004', 'TOYOTA')
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
