-- Signed webhooks for partner organizations: subscriptions, one delivery row per (subscription, event)
-- written in the transaction of the status change, and every attempt as the delivery log.
CREATE TABLE webhook_subscription (
    id                    uuid PRIMARY KEY,
    organization_id       uuid        NOT NULL,
    url                   text        NOT NULL,
    description           text,
    status                text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'failing')),
    -- "aes:<base64>" (AES-256-GCM under bridgeway.webhooks.secret-key) or "raw:<base64>" without a key;
    -- never returned after the answer that created or rotated it.
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    failing_since         timestamptz,
    last_attempt_at       timestamptz,
    last_status_code      int,
    last_error            text,
    created_by            text        NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE INDEX webhook_subscription_org ON webhook_subscription (organization_id);

-- seq orders a subscription's deliveries: only its oldest pending one (the head) is ever sent.
CREATE TABLE webhook_delivery (
    id               uuid PRIMARY KEY,
    seq              bigint GENERATED ALWAYS AS IDENTITY,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    event_source     text        NOT NULL,
    event_subject    text        NOT NULL,
    event_time       timestamptz NOT NULL,
    payload          text        NOT NULL,
    state            text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    retrying_since   timestamptz,
    last_status_code int,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_head ON webhook_delivery (subscription_id, seq) WHERE state = 'pending';
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, seq DESC);
CREATE INDEX webhook_delivery_purge ON webhook_delivery (delivered_at) WHERE state = 'delivered';

CREATE TABLE webhook_attempt (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id  uuid        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    status_code  int,
    error        text,
    duration_ms  int         NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, attempted_at);
