-- Read model of requests: one row per request (filter and sort columns plus the view as a JSON
-- document) and one row per assignment. Both are projections, rebuilt from the event log at will.
create table request_view (
    id              uuid                        not null primary key,
    reference       varchar(32)                 not null,
    status          varchar(32)                 not null,
    priority        varchar(16),
    priority_rank   integer,
    investigator_id varchar(255)                not null,
    title           varchar(300)                not null,
    acronym         varchar(255),
    search_text     varchar(1000)               not null,
    submitted_at    timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    sla_due_at      timestamp(6) with time zone,
    version         bigint                      not null,
    document        text                        not null
);
create unique index request_view_reference on request_view (reference);
create index request_view_by_status on request_view (status, submitted_at);
create index request_view_by_investigator on request_view (investigator_id, submitted_at);
create index request_view_by_submitted on request_view (submitted_at);
create index request_view_by_updated on request_view (updated_at);
create index request_view_by_sla_due on request_view (sla_due_at);

create table assignment_view (
    id         uuid                        not null primary key,
    request_id uuid                        not null,
    service    varchar(32)                 not null,
    hospital   varchar(32)                 not null,
    status     varchar(16)                 not null,
    created_at timestamp(6) with time zone not null
);
create index assignment_view_by_request on assignment_view (request_id);
create index assignment_view_by_hospital on assignment_view (hospital, status);
