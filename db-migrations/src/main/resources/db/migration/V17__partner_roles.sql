-- What a partner does on the platform, which decides the messages it may send: BUYER (fleet operators, insurers:
-- parts requests and accepting quotes), SUPPLIER (catalog feeds, answers to purchase orders), or both. Partners made
-- before this keep doing both; a shop business has none.
ALTER TABLE tenant ADD COLUMN partner_roles varchar(20)
    CHECK (partner_roles IN ('BUYER', 'SUPPLIER', 'BUYER,SUPPLIER'));
UPDATE tenant SET partner_roles = 'BUYER,SUPPLIER' WHERE kind = 'PARTNER';
ALTER TABLE tenant ADD CONSTRAINT tenant_partner_roles CHECK ((kind = 'PARTNER') = (partner_roles IS NOT NULL));
