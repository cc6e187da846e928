-- Rate limits shared by every replica of a service (RateLimiter): hits per key (e.g. a client address, or an
-- address at one meeting) in fixed windows. A request adds one hit with a single upsert; the limit is
-- applied to the current window's hits plus the previous window's, weighted by how much of it still lies
-- within one window's length of now (a sliding window, approximated). Old windows are deleted by a job.
create table rate_limit (
    key          text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (key, window_start)
);

create index rate_limit_window_start on rate_limit (window_start);
