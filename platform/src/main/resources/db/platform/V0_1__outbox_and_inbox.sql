-- Shared by every Bridgeway service (shipped in bridgeway-platform, applied by each service's Flyway).

-- Transactional outbox: a row per event, written in the same transaction as the change it reports.
CREATE TABLE outbox_event (
    seq          bigserial PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    event_key    text        NOT NULL,
    type         text        NOT NULL,
    source       text        NOT NULL,
    subject      text,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key on POSTs from integrations: a replay returns the first answer.
CREATE TABLE idempotency_record (
    caller       text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       int         NOT NULL,
    location     text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
