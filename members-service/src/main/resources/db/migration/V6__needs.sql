-- Needs assessments (behovsanalys): the history, and each company's current need per focus area.
create table needs_assessment (
    id              uuid        primary key,
    company_id      uuid        not null references company (id),
    assessed_on     date        not null,
    assessed_by     text        not null,
    self_assessment boolean     not null,
    created_at      timestamptz not null
);

create index needs_assessment_company on needs_assessment (company_id, assessed_on desc, created_at desc);

create table needs_assessment_item (
    assessment_id uuid        not null references needs_assessment (id),
    focus_area    varchar(30) not null,
    priority      integer     not null check (priority between 1 and 5),
    note          text,
    primary key (assessment_id, focus_area)
);

-- The latest priority per area; what lists filter on, statistics count and events carry.
create table company_need (
    company_id  uuid        not null references company (id),
    focus_area  varchar(30) not null,
    priority    integer     not null check (priority between 1 and 5),
    assessed_on date        not null,
    primary key (company_id, focus_area)
);

create index company_need_area on company_need (focus_area, priority);

alter table needs_assessment_item add constraint needs_assessment_item_area_known check (focus_area in (
    'DIGITALISATION', 'AUTOMATION', 'SUSTAINABILITY', 'INNOVATION', 'SMART_MATERIALS', 'NEW_MARKETS',
    'COMPETENCE_DEVELOPMENT', 'COMPETENCE_SUPPLY'));
alter table company_need add constraint company_need_area_known check (focus_area in (
    'DIGITALISATION', 'AUTOMATION', 'SUSTAINABILITY', 'INNOVATION', 'SMART_MATERIALS', 'NEW_MARKETS',
    'COMPETENCE_DEVELOPMENT', 'COMPETENCE_SUPPLY'));

-- The applying person of a membership application is a contact (the table exists since V5).
alter table membership_application
    add constraint membership_application_contact foreign key (contact_id) references contact (id);
