package org.bridgeway.screening.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The encrypted identities as stored, page by page, for re-encryption under a new key. */
@ApplicationScoped
public class StoredIdentities {

    private final AgroalDataSource dataSource;

    StoredIdentities(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record StoredIdentity(String studentRef, byte[] identity) {

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredIdentity that
                    && studentRef.equals(that.studentRef)
                    && Arrays.equals(identity, that.identity);
        }

        @Override
        public int hashCode() {
            return 31 * studentRef.hashCode() + Arrays.hashCode(identity);
        }

        @Override
        public String toString() {
            return "StoredIdentity[" + studentRef + "]";
        }
    }

    /** The next students after this ref (keyset paging, so rows written meanwhile never shift a page). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredIdentity> after(String studentRef, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT student_ref, identity FROM student WHERE student_ref > ? ORDER BY student_ref LIMIT ?")) {
            select.setString(1, studentRef);
            select.setInt(2, limit);
            List<StoredIdentity> page = new ArrayList<>(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    page.add(new StoredIdentity(rs.getString(1), rs.getBytes(2)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stored identities", e);
        }
    }

    /**
     * Replaces an identity only if it is still the value read: a roster push that rewrote it meanwhile
     * (already under the active key) wins.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replace(StoredIdentity read, byte[] replacement) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE student SET identity = ? WHERE student_ref = ? AND identity = ?")) {
            update.setBytes(1, replacement);
            update.setString(2, read.studentRef());
            update.setBytes(3, read.identity());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-encrypt the identity of " + read.studentRef(), e);
        }
    }
}
