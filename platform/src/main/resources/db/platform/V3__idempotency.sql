-- Idempotency-Key (API-CONVENTIONS.md, docs/api-conventions.md): the first answer to a creating POST,
-- given again to every retry with the same key, so that a client retrying over an unreliable network
-- gets the original result instead of a duplicate or a conflict. Kept for techtank.idempotency.retention.
create table idempotency_key (
    caller       text        not null,           -- the token's subject, or 'anonymous'
    key          text        not null,           -- the client's Idempotency-Key
    operation    text        not null,           -- e.g. 'POST /api/v1/companies'
    request_hash text        not null,           -- SHA-256 of the request as read (JSON), hex
    status       integer,                        -- null while the first request is being processed
    location     text,
    etag         text,
    body         text,                           -- the answer's JSON
    created_at   timestamptz not null default now(),
    primary key (caller, key)
);

create index idempotency_key_created_at on idempotency_key (created_at);
