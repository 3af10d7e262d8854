-- The web and mobile-web origins a tenant's apps run at, allowed to call the API from a browser (CORS):
-- space-separated, each "scheme://host[:port]" as Tenant normalised it; empty for none.
ALTER TABLE tenant ADD COLUMN allowed_origins varchar(4200) NOT NULL DEFAULT '';
