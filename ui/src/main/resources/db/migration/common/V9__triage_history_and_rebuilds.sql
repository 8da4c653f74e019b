-- Each version of a request while it waited for a coordinator, with the moment it began to stand
-- in the triage queue and the moment the next event took it on (null while it still stands). The
-- projection writes it from the same events and the same fold as the live view, so the queue as
-- of any past moment is one range query instead of a fold of every request's events.
create table triage_history (
    request_id    uuid                        not null,
    version       bigint                      not null,
    valid_from    timestamp(6) with time zone not null,
    valid_until   timestamp(6) with time zone,
    triage_due_at timestamp(6) with time zone not null,
    submitted_at  timestamp(6) with time zone not null,
    summary       varchar(20000)              not null,
    primary key (request_id, version)
);
create index triage_history_by_start on triage_history (valid_from, valid_until);

-- Rebuilds of a read model from the log, asked for by an administrator: who, when, why, progress.
-- running_name holds the read model's name while the rebuild runs, so that only one runs at a time
-- across the nodes (nulls do not collide).
create table projection_rebuild (
    id           uuid                        not null primary key,
    name         varchar(255)                not null,
    running_name varchar(255) unique,
    requested_by varchar(255)                not null,
    role         varchar(32)                 not null,
    reason       varchar(2000),
    node         varchar(255)                not null,
    requested_at timestamp(6) with time zone not null,
    touched_at   timestamp(6) with time zone not null,
    finished_at  timestamp(6) with time zone,
    total        bigint,
    done         bigint                      not null,
    outcome      varchar(32)                 not null,
    error        varchar(2000)
);
create index projection_rebuild_by_name on projection_rebuild (name, requested_at);

-- The triage history is new: empty the request read tables and let the catch-up processor rebuild
-- them, history included, from the start of the log (as V6 did).
delete from request_comment;
delete from request_clarification;
delete from request_service;
delete from assignment_view;
delete from request_view;
delete from token_entry where processor_name = 'request-view-catch-up';
