-- The service-level clocks of each request, one row per clock in the order they started (position
-- in the view's sla list), written by the request projection with the other parts of a request.
-- result_at is when the clock's result became known: its breach (or its stop after the due time)
-- for BREACHED, its stop for MET; null while it runs unbreached. Statistics and recommendations
-- count results by that moment.
create table request_sla_clock (
    request_id    uuid                        not null,
    position      integer                     not null,
    clock         varchar(32)                 not null,
    assignment_id uuid,
    hospital      varchar(32),
    service       varchar(32),
    state         varchar(16)                 not null,
    started_at    timestamp(6) with time zone not null,
    due_at        timestamp(6) with time zone not null,
    paused_at     timestamp(6) with time zone,
    warned_at     timestamp(6) with time zone,
    breached_at   timestamp(6) with time zone,
    stopped_at    timestamp(6) with time zone,
    result_at     timestamp(6) with time zone,
    primary key (request_id, position)
);
-- met/breached per clock and hospital over a period, read from the index alone
create index request_sla_clock_by_result on request_sla_clock (result_at, clock, hospital, state);
