CREATE TABLE organization (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    description text,
    email       text,
    website     text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE service (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization (id),
    name            text        NOT NULL,
    description     text,
    needs           varchar[]   NOT NULL DEFAULT '{}',
    min_age         int,
    max_age         int,
    min_grade       int,
    max_grade       int,
    eligibility     text,
    languages       varchar[]   NOT NULL DEFAULT '{}',
    service_areas   varchar[]   NOT NULL DEFAULT '{}',
    status          text        NOT NULL CHECK (status IN ('active', 'inactive', 'temporarily-closed')),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_organization ON service (organization_id);
