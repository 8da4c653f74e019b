-- Event payloads and metadata inline as varbinary, not as LOBs: H2 keeps each blob in its LOB
-- storage, one more lookup per event read.
alter table domain_event_entry alter column payload set data type varbinary;
alter table domain_event_entry alter column meta_data set data type varbinary;
alter table snapshot_event_entry alter column payload set data type varbinary;
alter table snapshot_event_entry alter column meta_data set data type varbinary;
alter table token_entry alter column token set data type varbinary;
alter table saga_entry alter column serialized_saga set data type varbinary;
alter table dead_letter_entry alter column payload set data type varbinary;
alter table dead_letter_entry alter column meta_data set data type varbinary;
alter table dead_letter_entry alter column token set data type varbinary;
alter table dead_letter_entry alter column diagnostics set data type varbinary;
alter table request_view alter column document set data type varchar;
