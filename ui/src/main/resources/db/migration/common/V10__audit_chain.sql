-- The audit log's hash chain (ADR 0010): one link per stored event, in global order, written in the
-- transaction that appends the event. The head row is locked by every append, so that appends are
-- serialized and the global index is handed out in chain order.
create table audit_chain (
    global_index bigint not null primary key,
    event_identifier varchar(255) not null,
    previous_hash varchar(64) not null,
    hash varchar(64) not null
);

-- upgrade_until: the last event stored before this migration; the application chains the events up
-- to it once, at its next start (events stored by SQL after it are reported as inserted)
create table audit_chain_head (
    id integer not null primary key,
    global_index bigint,
    hash varchar(64) not null,
    chained bigint not null,
    upgrade_until bigint
);

insert into audit_chain_head (id, global_index, hash, chained, upgrade_until)
select 1, null, '0000000000000000000000000000000000000000000000000000000000000000', 0, max(global_index)
from domain_event_entry;

-- the export's filters: a period (time_stamp is text in one sortable format) and a request
create index domain_event_by_time_stamp on domain_event_entry (time_stamp);
