-- Demo data, applied only when clutch.demo-data=true (the embedded backend). Idempotent.
-- One shop-business tenant with three shops in and around Nairobi carrying different makes,
-- one far-away shop (Mombasa), one customer with a vehicle, and their development identities.

INSERT INTO tenant (id, name, currency) VALUES
    ('10000000-0000-0000-0000-000000000001', 'Demo Parts Group', 'KES')
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

INSERT INTO app_user (id, username, role, customer_id, shop_id) VALUES
    ('40000000-0000-0000-0000-000000000001', 'customer@demo', 'CUSTOMER', '30000000-0000-0000-0000-000000000001', NULL),
    ('40000000-0000-0000-0000-000000000002', 'westlands@demo', 'SHOP_STAFF', NULL, '20000000-0000-0000-0000-000000000001'),
    ('40000000-0000-0000-0000-000000000003', 'industrial@demo', 'SHOP_STAFF', NULL, '20000000-0000-0000-0000-000000000002'),
    ('40000000-0000-0000-0000-000000000004', 'thikaroad@demo', 'SHOP_STAFF', NULL, '20000000-0000-0000-0000-000000000003'),
    ('40000000-0000-0000-0000-000000000005', 'mombasa@demo', 'SHOP_STAFF', NULL, '20000000-0000-0000-0000-000000000004')
ON CONFLICT (id) DO NOTHING;
