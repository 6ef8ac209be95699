-- OneRoster rostering (docs/interop.md, "OneRoster rostering").
-- A student the SIS marks tobedeleted is deactivated, never deleted: the studentRef stays the same, so
-- screenings, consents and referrals keep pointing at it; a later roster push naming the student reactivates it.
ALTER TABLE student ADD COLUMN deactivated_at timestamptz;

-- One uploaded OneRoster package and its progress; the counts are students, the rows are users.csv rows.
CREATE TABLE roster_import (
    id                   uuid PRIMARY KEY,
    board_id             text        NOT NULL,
    status               text        NOT NULL,
    total_rows           int         NOT NULL,
    processed            int         NOT NULL DEFAULT 0,
    failed               int         NOT NULL DEFAULT 0,
    skipped              int         NOT NULL DEFAULT 0,
    schools              int         NOT NULL DEFAULT 0,
    students_created     int         NOT NULL DEFAULT 0,
    students_updated     int         NOT NULL DEFAULT 0,
    students_unchanged   int         NOT NULL DEFAULT 0,
    students_deactivated int         NOT NULL DEFAULT 0,
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    finished_at          timestamptz,
    detail               text
);

-- Why a row of the package was not applied: file, 1-based line (the header is line 1), column, message.
CREATE TABLE roster_import_error (
    import_id uuid NOT NULL REFERENCES roster_import (id) ON DELETE CASCADE,
    file      text NOT NULL,
    line      int  NOT NULL,
    field     text,
    message   text NOT NULL
);
CREATE INDEX roster_import_error_import ON roster_import_error (import_id, file, line);
