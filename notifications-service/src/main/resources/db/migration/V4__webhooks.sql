-- Partner webhooks (docs/webhooks.md): a partner IUC subscribes a URL to event types; each matching event
-- becomes one WEBHOOK delivery per subscription in the delivery log (recipient subscription:<id>).
create table webhook_subscription (
    id                     uuid primary key,
    partner_id             text        not null,           -- the partner_id claim of the partner's tokens
    url                    text        not null,           -- https, never a private address
    event_types            text[]      not null,           -- CloudEvent types, or se.techtank.programmes.application.*
    secret                 text        not null,           -- whsec_<base64>: signs every delivery
    previous_secret        text,                           -- the secret before the last rotation ...
    previous_secret_until  timestamptz,                    -- ... which still signs until then
    enabled                boolean     not null default true,
    disabled_reason        text,                           -- why it stopped (the receiver answered 410)
    created_at             timestamptz not null,
    modified_at            timestamptz not null,
    version                integer     not null default 0
);
create index webhook_subscription_by_partner on webhook_subscription (partner_id, created_at);
