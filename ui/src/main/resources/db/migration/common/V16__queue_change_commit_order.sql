-- The stream's order: positions are taken when a row is inserted, but transactions commit in any
-- order, so a client that resumed "after the highest position it saw" could miss a row whose
-- transaction committed late. Each row gets a commit sequence once it is committed and visible:
-- one node at a time (holding the lock on queue_change_order's row) numbers the committed rows
-- that have none yet, in position order, continuing from the last number given. A number is given
-- only to rows already visible, and each numbering commits before the next begins, so every row
-- with a lower number is visible to whoever sees a higher one: "everything up to N" is well defined.
alter table queue_change add column commit_sequence bigint;

-- Rows already stored keep their position as their number, so that ids held by clients still mean
-- the same change.
update queue_change set commit_sequence = position;
create unique index queue_change_by_commit_sequence on queue_change (commit_sequence);

create table queue_change_order (
    id            integer not null primary key,
    last_sequence bigint  not null
);
insert into queue_change_order (id, last_sequence)
select 1, coalesce(max(position), 0) from queue_change;
