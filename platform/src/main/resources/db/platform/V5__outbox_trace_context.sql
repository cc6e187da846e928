-- The W3C trace context of the span that recorded the event (docs/events.md): the relay sends it as the
-- record headers traceparent and tracestate, so that the consumers' spans continue the producer's trace.
-- Null when no span was active (a job, a test, a service without tracing): the record then carries none.
alter table outbox
    add column traceparent text,
    add column tracestate  text;
