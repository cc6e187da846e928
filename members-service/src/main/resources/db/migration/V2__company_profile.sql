-- The company profile: SNI 2007 codes, size, website and postal address.
alter table company
    add column primary_sni         varchar(6),
    add column secondary_sni       varchar(6)[] not null default '{}',
    add column number_of_employees integer,
    add column size_class          varchar(6),
    add column website             text,
    add column address_street      text,
    add column address_postal_code varchar(6),
    add column address_city        text,
    add constraint company_primary_sni_format check (primary_sni ~ '^[0-9]{2}(\.[0-9]{1,3})?$'),
    add constraint company_secondary_needs_primary check (primary_sni is not null or cardinality(secondary_sni) = 0),
    add constraint company_employees_not_negative check (number_of_employees >= 0),
    add constraint company_size_class_known check (size_class in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
    add constraint company_size_class_with_employees check ((size_class is null) = (number_of_employees is null)),
    add constraint company_postal_code_format check (address_postal_code ~ '^[0-9]{3} [0-9]{2}$');
