-- The table db-scheduler keeps its executions in: here the service-level clocks' warning and breach
-- deadlines, written by Axon's DbSchedulerDeadlineManager in the command's own transaction. Every
-- node polls it; a node takes an execution by moving `version` on, so each runs on one node only.
-- The columns are db-scheduler's own (release 16); Flyway owns the table, not the scheduler.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

-- the poll: due executions, earliest first
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
-- finding executions whose node stopped sending heartbeats
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);

-- The schedule ids of each request's SLA deadlines, so that a pause or a stop cancels exactly its
-- request's deadlines by id (one primary-key delete each in scheduled_tasks), not by searching every
-- scheduled deadline for the request. Written in the command's transaction, as the deadlines are.
create table sla_deadline (
    schedule_id   varchar(100) not null primary key,
    request_id    uuid         not null,
    deadline_name varchar(50)  not null
);

create index sla_deadline_request_idx on sla_deadline (request_id);
