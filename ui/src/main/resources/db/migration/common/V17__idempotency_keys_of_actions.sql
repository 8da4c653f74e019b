-- Idempotency keys of every action, not only of submissions (ADR 0021): what the key was used for
-- (the path of the call) and the request's version after the call's events (null for a submission).
alter table idempotency_key add column target varchar(200);
update idempotency_key set target = '/api/requests';
alter table idempotency_key alter column target set not null;
alter table idempotency_key add column version bigint;
-- the retention deletes by age
create index idempotency_key_by_age on idempotency_key (created_at);
