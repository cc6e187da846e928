-- Searching and listing companies (GET /api/v1/companies) at tens of thousands of rows.
create extension if not exists pg_trgm;

-- The name in lower case without accents, kept by the service: "Sölvesborg" is found as "solvesborg".
alter table company add column search_name text;
update company set search_name = lower(translate(name, 'ÅÄÖÉÈÜÁÀåäöéèüáà', 'AAOEEUAAaaoeeuaa'));
alter table company alter column search_name set not null;

create index company_search_name_trgm on company using gin (search_name gin_trgm_ops);
create index company_search_name on company (search_name, id);
create index company_modified_at on company (modified_at, id);
create index company_municipality on company (municipality_code);
create index company_size_class on company (size_class);
create index company_primary_sni on company (primary_sni text_pattern_ops);
create index company_organisation_number_prefix on company (organisation_number text_pattern_ops);
