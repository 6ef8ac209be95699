package org.bridgeway.referral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.bridgeway.testing.TestInfra;

/** Reads the service's own database directly, to wait for the read model or hold a lock on it. */
public final class ReadModelProbe {

    private ReadModelProbe() {}

    public static Connection connect() throws SQLException {
        var postgres = TestInfra.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl("referral"), "postgres", "postgres");
    }

    public static int servicesAt(String school) {
        try (Connection c = connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM partner_service WHERE ? = ANY (service_areas)")) {
            ps.setString(1, school);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    public static int agreementsOf(String board) {
        try (Connection c = connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM partner_agreement WHERE board_id = ?")) {
            ps.setString(1, board);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    public static String caseStatus(java.util.UUID screeningId) {
        return text("SELECT status FROM referral_case WHERE screening_id = ?", screeningId);
    }

    public static String serviceName(java.util.UUID serviceId) {
        return text("SELECT name FROM partner_service WHERE service_id = ?", serviceId);
    }

    private static String text(String sql, Object parameter) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int processedCount(String consumer) {
        return Integer.parseInt(text("SELECT count(*) FROM processed_event WHERE consumer = ?", consumer));
    }
}
