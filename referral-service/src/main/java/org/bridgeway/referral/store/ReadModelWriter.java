package org.bridgeway.referral.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.bridgeway.events.AgreementChanged;
import org.bridgeway.events.CapacityChanged;
import org.bridgeway.events.ConsentChanged;
import org.bridgeway.events.ServiceUpserted;

/**
 * Applies partner and consent events to the read models. A snapshot replaces the row only when its
 * version (or change time) is newer, so redelivered or reordered events never move it backwards; each
 * applied change takes a new {@code change_seq}, which the matching snapshot follows.
 */
@ApplicationScoped
public class ReadModelWriter {

    private static final String UPSERT_SERVICE = """
            INSERT INTO partner_service (service_id, organization_id, organization_name, name, needs, min_age, max_age,
                min_grade, max_grade, languages, service_areas, status, available, maximum, waitlist, version, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (service_id) DO UPDATE SET organization_id = EXCLUDED.organization_id,
                organization_name = EXCLUDED.organization_name, name = EXCLUDED.name, needs = EXCLUDED.needs,
                min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age, min_grade = EXCLUDED.min_grade,
                max_grade = EXCLUDED.max_grade, languages = EXCLUDED.languages, service_areas = EXCLUDED.service_areas,
                status = EXCLUDED.status, available = EXCLUDED.available, maximum = EXCLUDED.maximum,
                waitlist = EXCLUDED.waitlist, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
                change_seq = nextval('read_model_change')
            WHERE partner_service.version < EXCLUDED.version""";
    private static final String UPDATE_CAPACITY = """
            UPDATE partner_service SET available = ?, maximum = ?, waitlist = ?, version = ?, updated_at = ?,
                change_seq = nextval('read_model_change')
            WHERE service_id = ? AND version < ?""";
    private static final String UPSERT_AGREEMENT = """
            INSERT INTO partner_agreement (agreement_id, organization_id, board_id, scopes, valid_from, valid_to, status,
                version, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (agreement_id) DO UPDATE SET organization_id = EXCLUDED.organization_id,
                board_id = EXCLUDED.board_id, scopes = EXCLUDED.scopes, valid_from = EXCLUDED.valid_from,
                valid_to = EXCLUDED.valid_to, status = EXCLUDED.status, version = EXCLUDED.version,
                updated_at = EXCLUDED.updated_at, change_seq = nextval('read_model_change')
            WHERE partner_agreement.version < EXCLUDED.version""";
    private static final String UPSERT_CONSENT = """
            INSERT INTO student_consent (student_ref, board_id, status, changed_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (student_ref) DO UPDATE SET board_id = EXCLUDED.board_id, status = EXCLUDED.status,
                changed_at = EXCLUDED.changed_at
            WHERE student_consent.changed_at <= EXCLUDED.changed_at""";

    private final AgroalDataSource dataSource;

    ReadModelWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return true when the snapshot was newer than the one held */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean service(ServiceUpserted s) {
        return execute(UPSERT_SERVICE, (c, ps) -> {
            ps.setObject(1, s.serviceId());
            ps.setObject(2, s.organizationId());
            ps.setString(3, s.organizationName());
            ps.setString(4, s.name());
            ps.setArray(5, c.createArrayOf("varchar", list(s.needs())));
            setInt(ps, 6, s.minAge());
            setInt(ps, 7, s.maxAge());
            setInt(ps, 8, s.minGrade());
            setInt(ps, 9, s.maxGrade());
            ps.setArray(10, c.createArrayOf("varchar", list(s.languages())));
            ps.setArray(11, c.createArrayOf("varchar", list(s.serviceAreas())));
            ps.setString(12, s.status());
            setInt(ps, 13, s.available());
            setInt(ps, 14, s.maximum());
            ps.setString(15, s.waitlist());
            ps.setLong(16, s.version());
            ps.setTimestamp(17, Timestamp.from(s.updatedAt()));
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean capacity(CapacityChanged change) {
        return execute(UPDATE_CAPACITY, (c, ps) -> {
            ps.setInt(1, change.available());
            ps.setInt(2, change.maximum());
            ps.setString(3, change.waitlist());
            ps.setLong(4, change.version());
            ps.setTimestamp(5, Timestamp.from(change.updatedAt()));
            ps.setObject(6, change.serviceId());
            ps.setLong(7, change.version());
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean agreement(AgreementChanged a) {
        return execute(UPSERT_AGREEMENT, (c, ps) -> {
            ps.setObject(1, a.agreementId());
            ps.setObject(2, a.organizationId());
            ps.setString(3, a.boardId());
            ps.setArray(4, c.createArrayOf("varchar", list(a.scopes())));
            ps.setObject(5, a.validFrom());
            ps.setObject(6, a.validTo());
            ps.setString(7, a.status());
            ps.setLong(8, a.version());
            ps.setTimestamp(9, Timestamp.from(a.updatedAt()));
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean consent(ConsentChanged consent) {
        return execute(UPSERT_CONSENT, (c, ps) -> {
            ps.setString(1, consent.studentRef());
            ps.setString(2, consent.boardId());
            ps.setString(3, consent.status());
            ps.setTimestamp(4, Timestamp.from(consent.changedAt()));
        });
    }

    private interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private boolean execute(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("read model update failed", e);
        }
    }

    private static Object[] list(List<String> values) {
        return values == null ? new Object[0] : values.toArray();
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
