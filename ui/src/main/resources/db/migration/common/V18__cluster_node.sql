-- The application nodes sharing this database, each with the last time it said it was alive. The
-- streaming processors' segments are shared out among the nodes alive (docs/operations.md, Several
-- nodes); a node that stops saying so is no longer counted after the token claim timeout.
create table cluster_node (
    node_name    varchar(255)                not null primary key,
    started_at   timestamp(6) with time zone not null,
    heartbeat_at timestamp(6) with time zone not null
);
