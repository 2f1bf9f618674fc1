-- The administrator's to-dos (issue 13) name the monitoring sources that have never reported or have fallen silent:
-- each source's latest alarm, read from this index instead of all its alarms.
create index alarm_source_received on alarm (source_id, received_at);
