-- Tenant isolation of the roster (docs/security.md, "Cross-board pseudonyms").
-- studentRef = HMAC(ref key, boardId ":" sisStudentId) is unambiguous only while a board id cannot hold ':'.
-- The API now refuses any board id outside ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$; the constraints below make
-- the database say the same for every new row. NOT VALID keeps rows written before the rule: existing refs
-- stay as they are (they were handed to SIS systems and to referral-service, so they are never re-keyed);
-- an operator lists boards that break the pattern with
--   SELECT DISTINCT board_id FROM student WHERE board_id !~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
-- moves them to a conforming id, then runs ALTER TABLE ... VALIDATE CONSTRAINT.
ALTER TABLE school ADD CONSTRAINT school_board_id_pattern
    CHECK (board_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$') NOT VALID;
ALTER TABLE student ADD CONSTRAINT student_board_id_pattern
    CHECK (board_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$') NOT VALID;
-- A student is found by (board, ref): the roster's upsert never touches a row of another board.
CREATE UNIQUE INDEX student_board_ref ON student (board_id, student_ref);
