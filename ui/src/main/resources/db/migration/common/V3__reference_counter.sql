-- One counter per calendar year for the references SR-<year>-<number>. Incremented inside the
-- transaction that stores a submission, so numbers follow submission order and never repeat.
create table reference_counter (
    reference_year integer not null primary key,
    last_number    bigint  not null
);
