-- No planner statistics for the event payloads and the kept answers: no query filters or sorts by them,
-- and computing them was most of what ANALYZE cost. Autovacuum analyzes the outbox about once a minute
-- under steady writes; with statistics on payload that took 0.76-0.79 s of CPU for 32,000 rows, without
-- them 0.15-0.19 s (docs/benchmarks.md). On two cores such a burst slowed every request running meanwhile.
alter table outbox alter column payload set statistics 0;
alter table idempotency_key alter column body set statistics 0;
