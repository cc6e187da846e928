-- Inbox (processed events): a consumer records the ce_id of every event it handles in the same
-- transaction as its effect; an id already present means "seen", and the event has no effect again.
create table inbox (
    consumer     text        not null,
    event_id     text        not null,                  -- ce_id
    event_type   text,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index inbox_processed_at on inbox (processed_at);
