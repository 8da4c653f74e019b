-- The request view is now written in the transaction of the command that stores its events, and
-- a streaming processor (request-view-catch-up) builds whatever the tables lack from the log.
-- Comments and answered clarifications move from the view's JSON document to rows of their own, so
-- an event no longer rewrites every comment and question of its request. The tables are emptied here: the catch-up processor is new, starts
-- at the beginning of the log, and rebuilds them at the first start.
delete from request_service;
delete from assignment_view;
delete from request_view;
delete from token_entry where processor_name = 'request-view';

create table request_comment (
    id         uuid                        not null primary key,
    request_id uuid                        not null,
    sequence   bigint                      not null,
    text       varchar(20000)              not null,
    visibility varchar(16)                 not null,
    author     varchar(255)                not null,
    created_at timestamp(6) with time zone not null
);
create index request_comment_by_request on request_comment (request_id, sequence);

-- Answered clarifications, likewise; the document keeps the one still open, which the next events
-- need.
create table request_clarification (
    id            uuid                        not null primary key,
    request_id    uuid                        not null,
    question      varchar(20000)              not null,
    asked_by      varchar(255)                not null,
    asked_by_role varchar(32),
    asked_at      timestamp(6) with time zone not null,
    answer        varchar(20000)              not null,
    answered_at   timestamp(6) with time zone not null
);
create index request_clarification_by_request on request_clarification (request_id, asked_at);

-- What lists and queues show of a request, written with the view: a page reads twenty small
-- documents instead of parsing twenty whole views.
alter table request_view add column summary varchar(20000) not null;

-- One change per request version, whoever projects it and however often it is delivered.
delete from queue_change where position not in (select min(position) from queue_change group by request_id, version);
create unique index queue_change_request_version on queue_change (request_id, version);

-- Axon finds the latest snapshot of an aggregate by its id; the primary key starts with the sequence.
create index snapshot_event_by_aggregate on snapshot_event_entry (aggregate_identifier, sequence_number);

-- Every sort of the list is served by an index.
create index request_view_by_priority on request_view (priority_rank, submitted_at);
create index request_view_by_status_updated on request_view (status, updated_at);
