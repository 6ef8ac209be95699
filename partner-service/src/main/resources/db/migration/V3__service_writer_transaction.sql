-- partner-service answers directory searches from an in-memory index (ServiceSearch). Each service row records
-- the transaction that last wrote it, so an instance refreshes its index with only the rows whose writers it
-- may not have seen: those from transactions at or after the oldest one still running when it last looked.
-- Services are never deleted (a referral may point to one), so inserts and updates are every change there is.
ALTER TABLE service ADD COLUMN written_by_xact bigint NOT NULL DEFAULT 0;

CREATE FUNCTION service_stamp_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.written_by_xact := pg_current_xact_id()::text::bigint;
    RETURN NEW;
END
$$;

CREATE TRIGGER service_written BEFORE INSERT OR UPDATE ON service
    FOR EACH ROW EXECUTE FUNCTION service_stamp_writer();

CREATE INDEX service_written_by_xact ON service (written_by_xact);
