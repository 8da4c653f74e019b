-- Crypto-shredding (see docs/privacy.md). subject_key holds the keys that seal the contact blocks of
-- requests, one or more per data subject (the submitting user id): each a Tink AEAD keyset, encrypted
-- ("wrapped") by the installation's master key, which is never stored in the database. master_key_id
-- is the id of the master key that wrapped it, so that a rotation knows what to re-wrap. Erasing a
-- subject deletes their rows: what was sealed with them can no longer be opened, by anyone.
create table subject_key (
    key_id         varchar(36)                 not null primary key,
    subject        varchar(255)                not null,
    wrapped_keyset varchar(4000)               not null,
    master_key_id  bigint                      not null,
    created_at     timestamp(6) with time zone not null
);
create index subject_key_by_subject on subject_key (subject);

-- Which subjects were erased, and when: the erasure itself is recorded in the event log
-- (SubjectErased); this row lets the read side also hide the contacts stored in plaintext before
-- sealing existed (RequestSubmitted revision 1), and tell an erased contact from a broken one.
create table erased_subject (
    subject   varchar(255)                not null primary key,
    erased_at timestamp(6) with time zone not null
);
