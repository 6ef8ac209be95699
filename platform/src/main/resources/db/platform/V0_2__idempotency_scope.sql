-- An Idempotency-Key is scoped to the route it was used on (method and path, i.e. the route template
-- with its path parameters), so the same key on another board's endpoint is another request.
-- Records kept before this migration get an empty scope: they no longer match any request, so a
-- replay of a key older than the upgrade runs again once (keys are short-lived retries in practice).
-- Platform migrations may land below a service's own versions: quarkus.flyway.out-of-order applies them.
ALTER TABLE idempotency_record ADD COLUMN scope text NOT NULL DEFAULT '';
ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record ADD PRIMARY KEY (caller, scope, key);
