-- screening-service schema. Student identity is only ever stored encrypted (AES-GCM); every other
-- table knows the student by student_ref, an HMAC of board and SIS id.

CREATE TABLE school (
    board_id   text        NOT NULL,
    school_id  text        NOT NULL,
    name       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (board_id, school_id)
);

CREATE TABLE student (
    student_ref  text PRIMARY KEY,
    board_id     text        NOT NULL,
    school_id    text        NOT NULL,
    grade        int,
    -- first day of the birth month: enough for age eligibility, less identifying than the date
    birth_month  date,
    identity     bytea       NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (board_id, school_id) REFERENCES school (board_id, school_id)
);
CREATE INDEX student_school ON student (board_id, school_id);

-- Consent history; the newest row per student is in force.
CREATE TABLE consent (
    id          bigserial PRIMARY KEY,
    student_ref text        NOT NULL REFERENCES student (student_ref),
    status      text        NOT NULL CHECK (status IN ('granted', 'refused', 'withdrawn', 'unknown')),
    given_by    text        CHECK (given_by IN ('student', 'guardian')),
    scope       text[]      NOT NULL DEFAULT '{}',
    given_on    date,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by text        NOT NULL
);
CREATE INDEX consent_student ON consent (student_ref, id DESC);

CREATE TABLE instrument (
    key        text        NOT NULL,
    version    int         NOT NULL,
    title      text        NOT NULL,
    definition jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL,
    PRIMARY KEY (key, version)
);

CREATE TABLE batch (
    id          uuid PRIMARY KEY,
    board_id    text        NOT NULL,
    format      text        NOT NULL,
    status      text        NOT NULL,
    total_rows  int,
    processed   int         NOT NULL DEFAULT 0,
    succeeded   int         NOT NULL DEFAULT 0,
    failed      int         NOT NULL DEFAULT 0,
    flagged     int         NOT NULL DEFAULT 0,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    detail      text
);

CREATE TABLE batch_error (
    batch_id uuid NOT NULL REFERENCES batch (id) ON DELETE CASCADE,
    row_no   int  NOT NULL,
    field    text,
    message  text NOT NULL
);
CREATE INDEX batch_error_batch ON batch_error (batch_id, row_no);

CREATE TABLE screening (
    id                 uuid PRIMARY KEY,
    student_ref        text        NOT NULL REFERENCES student (student_ref),
    board_id           text        NOT NULL,
    school_id          text        NOT NULL,
    grade              int,
    age_years          int,
    instrument_key     text        NOT NULL,
    instrument_version int         NOT NULL,
    administered_on    date        NOT NULL,
    answers            jsonb       NOT NULL,
    result             jsonb       NOT NULL,
    flagged            boolean     NOT NULL,
    suggested_tier     int         NOT NULL,
    batch_id           uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    review_decision    text CHECK (review_decision IN ('confirmed', 'dismissed')),
    review_tier        int,
    review_notes       text,
    known_to_staff     boolean,
    reviewed_by        text,
    reviewed_at        timestamptz,
    referral_status    text,
    referral_status_at timestamptz,
    referred_at        timestamptz,
    accepted_at        timestamptz,
    completed_at       timestamptz,
    version            int         NOT NULL DEFAULT 0,
    FOREIGN KEY (instrument_key, instrument_version) REFERENCES instrument (key, version),
    -- the same survey for the same student on the same day is one screening, never two
    UNIQUE (student_ref, instrument_key, instrument_version, administered_on)
);
CREATE INDEX screening_school ON screening (board_id, school_id, administered_on);
CREATE INDEX screening_flagged ON screening (board_id, flagged) WHERE flagged;

-- Append-only: the service's role may insert and read, never update or delete (see V2).
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    role        text        NOT NULL,
    action      text        NOT NULL,
    purpose     text,
    student_ref text,
    detail      text
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
