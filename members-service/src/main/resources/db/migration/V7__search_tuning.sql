-- Filtering companies by SNI prefix (GET /api/v1/companies?sni=25) without reading every row.
-- The V3 condition (primary_sni like '25%' or a secondary code like it) could not use an index for the
-- secondary codes, so the count of every page scanned the whole table: 128 ms at 50,000 companies
-- (docs/benchmarks.md). sni_prefixes holds every prefix of every code (25.110 gives 2, 25, 25.1, 25.11
-- and 25.110) and "has this prefix" becomes sni_prefixes @> array['25'], answered by a GIN index (4 ms).

create function company_sni_prefixes(primary_sni varchar, secondary_sni varchar[]) returns text[]
    language sql immutable parallel safe
    return array(
        select distinct left(code, n)
        from unnest(array_prepend(primary_sni, secondary_sni)) as code,
             generate_series(1, length(code)) as n
        where substr(code, n, 1) <> '.'
        order by 1);

-- Kept by PostgreSQL itself (not mapped by the service), so it can never disagree with the codes.
alter table company
    add column sni_prefixes text[] not null
        generated always as (company_sni_prefixes(primary_sni, secondary_sni)) stored;

create index company_sni_prefixes on company using gin (sni_prefixes);

-- A municipality's companies by name, and by size class and name: the page query reads the index in
-- order (6.4 ms → 0.1 ms for page 20 of Karlshamn) and the count of municipality + size class needs no
-- table access (3.8 ms → 0.6 ms).
create index company_municipality_name on company (municipality_code, search_name, id);
create index company_municipality_size_name on company (municipality_code, size_class, search_name, id);
