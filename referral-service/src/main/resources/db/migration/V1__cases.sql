-- A case per flagged screening; the unique screening_id is the last line of defence against doubles.
CREATE TABLE referral_case (
    id             uuid PRIMARY KEY,
    screening_id   uuid        NOT NULL UNIQUE,
    student_ref    text        NOT NULL,
    board_id       text        NOT NULL,
    school_id      text        NOT NULL,
    grade          int,
    age_years      int,
    suggested_tier int         NOT NULL,
    needs          varchar[]   NOT NULL DEFAULT '{}',
    domain_bands   jsonb       NOT NULL,
    status         text        NOT NULL CHECK (status IN ('open', 'validated', 'referred', 'closed', 'dismissed')),
    opened_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_case_board ON referral_case (board_id, status);
