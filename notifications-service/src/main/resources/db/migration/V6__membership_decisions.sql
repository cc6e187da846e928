-- Membership decisions (members.company.v1), kept while they are news (max-event-age). A contact person
-- arrives on another topic (members.contact.v1) with no order between the two, so a contact projected after
-- the decision is still told of it, once: when the contact arrives, not only when the decision does.
create table membership_decision (
    event_id      uuid primary key,                   -- the decision's ce_id: the deliveries' source
    event_type    text        not null,
    company_id    uuid        not null,
    kind          varchar(40) not null,
    company_name  text        not null,
    decided_at    timestamptz not null                -- ce_time
);
create index membership_decision_by_company on membership_decision (company_id, decided_at);
create index membership_decision_by_time on membership_decision (decided_at);

-- When members-service created the contact: a decision is told to the contacts the company had then.
alter table contact add column created_at timestamptz;
