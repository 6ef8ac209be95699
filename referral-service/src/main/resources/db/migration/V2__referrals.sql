-- Cases get a tier, a closure and a needs-attention mark; referrals, the partner read models, board
-- settings and the append-only audit log (which is also every case's timeline).
ALTER TABLE referral_case
    ADD COLUMN tier            int,
    ADD COLUMN needs_attention boolean     NOT NULL DEFAULT false,
    ADD COLUMN language        text,
    ADD COLUMN closure_outcome text,
    ADD COLUMN validated_at    timestamptz,
    ADD COLUMN closed_at       timestamptz;
CREATE INDEX referral_case_attention ON referral_case (board_id) WHERE needs_attention;
CREATE INDEX referral_case_board_opened ON referral_case (board_id, opened_at DESC, id);

-- Partner-service's services, as last seen on partner.events (newest version wins).
CREATE SEQUENCE read_model_change;
CREATE TABLE partner_service (
    service_id        uuid PRIMARY KEY,
    organization_id   uuid        NOT NULL,
    organization_name text,
    name              text        NOT NULL,
    needs             varchar[]   NOT NULL DEFAULT '{}',
    min_age           int,
    max_age           int,
    min_grade         int,
    max_grade         int,
    languages         varchar[]   NOT NULL DEFAULT '{}',
    service_areas     varchar[]   NOT NULL DEFAULT '{}',
    status            text        NOT NULL,
    available         int,
    maximum           int,
    waitlist          text,
    version           bigint      NOT NULL,
    updated_at        timestamptz NOT NULL,
    change_seq        bigint      NOT NULL DEFAULT nextval('read_model_change')
);
CREATE INDEX partner_service_change ON partner_service (change_seq);

CREATE TABLE partner_agreement (
    agreement_id    uuid PRIMARY KEY,
    organization_id uuid        NOT NULL,
    board_id        text        NOT NULL,
    scopes          varchar[]   NOT NULL DEFAULT '{}',
    valid_from      date        NOT NULL,
    valid_to        date,
    status          text        NOT NULL,
    version         bigint      NOT NULL,
    updated_at      timestamptz NOT NULL,
    change_seq      bigint      NOT NULL DEFAULT nextval('read_model_change')
);
CREATE INDEX partner_agreement_change ON partner_agreement (change_seq);
CREATE INDEX partner_agreement_org ON partner_agreement (organization_id, board_id);

-- The student's current consent, from ConsentChanged; the newest change wins.
CREATE TABLE student_consent (
    student_ref text PRIMARY KEY,
    board_id    text        NOT NULL,
    status      text        NOT NULL,
    changed_at  timestamptz NOT NULL
);

CREATE TABLE board_settings (
    board_id            text PRIMARY KEY,
    dispatch            text        NOT NULL DEFAULT 'manual' CHECK (dispatch IN ('auto', 'manual')),
    validation_required boolean     NOT NULL DEFAULT true,
    sla_business_days   int         NOT NULL DEFAULT 2 CHECK (sla_business_days BETWEEN 1 AND 30),
    region              text,
    updated_by          text,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE referral (
    id                uuid PRIMARY KEY,
    case_id           uuid        NOT NULL REFERENCES referral_case (id),
    board_id          text        NOT NULL,
    school_id         text        NOT NULL,
    student_ref       text        NOT NULL,
    service_id        uuid        NOT NULL,
    service_name      text        NOT NULL,
    organization_id   uuid        NOT NULL,
    organization_name text,
    need              text,
    score             double precision,
    status            text        NOT NULL CHECK (status IN ('requested', 'accepted', 'in-progress', 'on-hold',
                          'completed', 'rejected', 'cancelled', 'failed', 'expired')),
    reason            text,
    outcome           text,
    note              text,
    version           int         NOT NULL DEFAULT 1,
    requested_at      timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    accepted_at       timestamptz,
    finished_at       timestamptz,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX referral_case_idx ON referral (case_id);
CREATE INDEX referral_inbox ON referral (organization_id, status, requested_at DESC);
CREATE INDEX referral_board ON referral (board_id, requested_at DESC);
CREATE INDEX referral_due ON referral (due_at) WHERE status = 'requested';

-- Every case and referral transition: who, in which role, when, with which note. Append-only.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    board_id    text        NOT NULL,
    case_id     uuid        NOT NULL,
    referral_id uuid,
    action      text        NOT NULL,
    from_status text,
    to_status   text,
    actor       text        NOT NULL,
    role        text        NOT NULL,
    note        text,
    reason      text,
    outcome     text
);
CREATE INDEX audit_log_case ON audit_log (case_id, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
