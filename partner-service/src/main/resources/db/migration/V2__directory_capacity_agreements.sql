-- The full directory: need vocabulary, contact, capacity and versions on services, locations,
-- data-sharing agreements, and the indexes search needs on 10,000 services.
-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it without superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE organization
    ADD COLUMN phone      text,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- The need codes instruments use (screening-service's needs-survey), kept as data with their labels.
CREATE TABLE need (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    label       text NOT NULL,
    description text,
    position    int  NOT NULL
);
INSERT INTO need (code, label, description, position) VALUES
    ('family-support', 'Family support', 'Family mediation, parenting support and help when home is not safe or stable.', 1),
    ('housing', 'Housing', 'Emergency shelter, youth housing, and help to keep or find a place to live.', 2),
    ('mental-health', 'Mental health', 'Counselling, psychological support and peer groups for young people in distress.', 3),
    ('school-engagement', 'School engagement', 'Help to stay connected to school: attendance, tutoring, re-engagement.', 4),
    ('food-security', 'Food security', 'Meals, food hampers and help when there is not enough to eat at home.', 5),
    ('mentoring', 'Mentoring', 'A trusted adult or peer mentor, youth groups that build resilience.', 6);

ALTER TABLE service
    ADD COLUMN contact_email       text,
    ADD COLUMN contact_phone       text,
    ADD COLUMN contact_url         text,
    ADD COLUMN available           int CHECK (available >= 0),
    ADD COLUMN maximum             int CHECK (maximum >= 0),
    ADD COLUMN waitlist            text CHECK (waitlist IN ('none', 'under-1-month', '1-3-months', 'over-3-months')),
    ADD COLUMN capacity_updated_at timestamptz,
    ADD COLUMN version             bigint      NOT NULL DEFAULT 1,
    ADD COLUMN created_at          timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT service_available_within_maximum CHECK (available IS NULL OR maximum IS NULL OR available <= maximum);

CREATE INDEX service_needs_gin ON service USING gin (needs);
CREATE INDEX service_languages_gin ON service USING gin (languages);
CREATE INDEX service_areas_gin ON service USING gin (service_areas);
-- Free text on name and description; ServiceSearchQuery uses exactly this expression with LIKE.
CREATE INDEX service_text_trgm ON service USING gin ((lower(name || ' ' || coalesce(description, ''))) gin_trgm_ops);
CREATE INDEX service_modified ON service (updated_at, id);
CREATE INDEX organization_modified ON organization (updated_at, id);

-- Where a service is delivered (HSDS location + service_at_location); a shelter's address is confidential.
CREATE TABLE location (
    id             uuid PRIMARY KEY,
    service_id     uuid    NOT NULL REFERENCES service (id),
    position       int     NOT NULL,
    name           text    NOT NULL,
    address_1      text,
    city           text,
    state_province text,
    postal_code    text,
    country        text,
    latitude       numeric(9, 6),
    longitude      numeric(9, 6),
    confidential   boolean NOT NULL DEFAULT false
);
CREATE INDEX location_service ON location (service_id, position);

-- Data-sharing agreements between a partner organization and a school board; validity dates inclusive.
CREATE TABLE agreement (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization (id),
    board_id        text        NOT NULL,
    scopes          varchar[]   NOT NULL,
    valid_from      date        NOT NULL,
    valid_to        date,
    status          text        NOT NULL CHECK (status IN ('draft', 'active', 'suspended', 'ended')),
    version         bigint      NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX agreement_organization_board ON agreement (organization_id, board_id);
CREATE INDEX agreement_board ON agreement (board_id);
