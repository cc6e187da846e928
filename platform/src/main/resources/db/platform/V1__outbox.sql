-- Transactional outbox: a command inserts its event here in the same transaction as its state change;
-- the relay publishes unsent rows to Kafka and marks them sent. See docs/adr/0002-transactional-outbox.md.
create table outbox (
    seq            bigint generated always as identity primary key,
    id             uuid        not null unique,           -- ce_id, the consumers' deduplication key
    topic          text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,                  -- record key and ce_subject
    event_type     text        not null,                  -- ce_type
    data_schema    text        not null,                  -- ce_dataschema
    payload        jsonb       not null,
    occurred_at    timestamptz not null,                  -- ce_time: the transaction's time
    sent_at        timestamptz,
    constraint outbox_topic_not_blank check (length(topic) > 0),
    constraint outbox_event_type_not_blank check (length(event_type) > 0),
    constraint outbox_aggregate_id_not_blank check (length(aggregate_id) > 0)
);

-- The relay's claim query and the backlog gauge read only unsent rows.
create index outbox_unsent on outbox (seq) where sent_at is null;
create index outbox_unsent_by_aggregate on outbox (aggregate_id, seq) where sent_at is null;
-- Retention deletes sent rows by age.
create index outbox_sent_at on outbox (sent_at) where sent_at is not null;
