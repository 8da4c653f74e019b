-- Notifications (issue 13, ADR 0025): the hospitals' webhook endpoints, the outbox of messages the
-- notifications processor derives from the events (e-mail and webhook), and every delivery attempt.

-- An endpoint of a hospital's own system. The secret is kept encrypted with the installation's
-- privacy master keyset (associated data: the endpoint's id); a removed endpoint stays, marked.
create table webhook_endpoint (
    id               uuid                        not null primary key,
    hospital         varchar(32)                 not null,
    url              varchar(2000)               not null,
    description      varchar(500),
    secret           varchar(1000)               not null,
    master_key_id    bigint                      not null,
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(255)                not null,
    removed_at       timestamp(6) with time zone,
    removed_by       varchar(255),
    removed_reason   varchar(2000)
);
create index webhook_endpoint_by_hospital on webhook_endpoint (hospital);

-- One message to one recipient over one channel. Its id is derived from the event's id, the
-- channel and the recipient, so that an event handled twice adds nothing (primary key).
-- recipient: INVESTIGATOR (address opened from the request's sealed contact when sending, never
-- stored), HOSPITAL:<code> or COORDINATORS:<address> for e-mail, the endpoint's id for webhooks.
-- status: PENDING (due at next_attempt_at), DELIVERED, FAILED (attempts gave up), DROPPED (nothing
-- may be sent: the recipient was erased, the endpoint removed, the channel not configured).
create table notification_message (
    id               uuid                        not null primary key,
    event_id         varchar(255)                not null,
    event_type       varchar(100)                not null,
    occurred_at      timestamp(6) with time zone not null,
    request_id       uuid                        not null,
    channel          varchar(16)                 not null,
    recipient        varchar(400)                not null,
    endpoint_id      uuid,
    language         varchar(8),
    subject          varchar(300),
    body             varchar(20000)              not null,
    sealed_contact   varchar(20000),
    status           varchar(16)                 not null,
    attempts         integer                     not null,
    created_at       timestamp(6) with time zone not null,
    first_attempt_at timestamp(6) with time zone,
    next_attempt_at  timestamp(6) with time zone not null,
    claimed_until    timestamp(6) with time zone,
    claimed_by       varchar(255),
    finished_at      timestamp(6) with time zone,
    resent_at        timestamp(6) with time zone,
    resent_by        varchar(255),
    constraint notification_message_endpoint foreign key (endpoint_id) references webhook_endpoint (id)
);
-- the dispatchers look for due messages
create index notification_message_due on notification_message (status, next_attempt_at);
-- an endpoint's delivery log, newest first
create index notification_message_by_endpoint on notification_message (endpoint_id, created_at);

-- Every attempt to deliver a message: when, on which node, how it ended and how long it took.
-- outcome: DELIVERED, FAILED or DROPPED; http_status for webhooks; error: the SMTP or HTTP error.
create table notification_attempt (
    message_id   uuid                        not null,
    attempt      integer                     not null,
    attempted_at timestamp(6) with time zone not null,
    node         varchar(255)                not null,
    outcome      varchar(16)                 not null,
    http_status  integer,
    error        varchar(1000),
    duration_ms  bigint                      not null,
    primary key (message_id, attempt),
    constraint notification_attempt_message foreign key (message_id) references notification_message (id)
);
