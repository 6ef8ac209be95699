-- The W3C trace context of the transaction that wrote an event, so the relay can hand it on in the
-- record's headers and one trace follows a change from the HTTP call through Kafka to its consumers.
-- Rows written before this migration have none and start a new trace downstream.
ALTER TABLE outbox_event ADD COLUMN traceparent text;
