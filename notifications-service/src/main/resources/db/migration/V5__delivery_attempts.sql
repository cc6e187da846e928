-- One row per SMTP exchange begun, written and committed before the exchange on a connection of its own,
-- and deleted in the transaction that records the outcome. A row still here when a sender claims the
-- delivery means an earlier sender died mid-exchange: the mail may have gone out already, and sending it
-- again (same Message-ID) is the one duplicate the design allows, counted. No foreign key: checking one
-- would wait for the delivery row, which the sender holds FOR UPDATE.
create table delivery_attempt (
    delivery_id uuid        not null,
    started_at  timestamptz not null
);
create index delivery_attempt_by_delivery on delivery_attempt (delivery_id);
