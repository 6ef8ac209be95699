package org.bridgeway.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

    @Test
    void connectionFailuresAnywhereInTheCausesAreUnreachable() {
        assertTrue(DatabaseUnreachable.causedBy(new IllegalStateException(
                "wrapped",
                new SQLException("Connection to localhost:15432 refused", "08001", new ConnectException("refused")))));
        assertTrue(DatabaseUnreachable.causedBy(
                new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseUnreachable.causedBy(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseUnreachable.causedBy(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertFalse(DatabaseUnreachable.causedBy(
                new RuntimeException(new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(DatabaseUnreachable.causedBy(new RuntimeException(new SQLException("no state"))));
        assertFalse(DatabaseUnreachable.causedBy(new NullPointerException()));
    }
}
