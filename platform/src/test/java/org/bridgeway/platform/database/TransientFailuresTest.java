package org.bridgeway.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransientFailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("connection refused", new SQLException("refused", "08001"), true),
                Arguments.of("connection lost", new SQLException("An I/O error occurred", "08006"), true),
                Arguments.of("serialization failure", new SQLException("could not serialize", "40001"), true),
                Arguments.of("deadlock", new SQLException("deadlock detected", "40P01"), true),
                Arguments.of(
                        "lock timeout", new SQLException("canceling statement due to lock timeout", "55P03"), true),
                Arguments.of("server shutting down", new SQLException("terminating connection", "57P01"), true),
                Arguments.of("too many connections", new SQLException("too many clients", "53300"), true),
                Arguments.of("pool exhausted (old Agroal)", new SQLException("Sorry, acquisition timeout!"), true),
                Arguments.of(
                        "pool exhausted",
                        new SQLException("Acquisition timeout while waiting for new connection"),
                        true),
                Arguments.of("transient subtype", new SQLTransientConnectionException("gone"), true),
                Arguments.of(
                        "wrapped deep",
                        new IllegalStateException("store", new RuntimeException(new SQLException("x", "40P01"))),
                        true),
                Arguments.of("socket", new RuntimeException(new ConnectException("refused")), true),
                Arguments.of("unique violation", new SQLException("duplicate key", "23505"), false),
                Arguments.of("no state", new SQLException("something else"), false),
                Arguments.of("bad data", new IllegalArgumentException("not a ScreeningFlagged"), false),
                Arguments.of("a bug", new NullPointerException(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void onlyWhatPassesWithTimeIsTransient(String label, Throwable failure, boolean transientFailure) {
        assertEquals(transientFailure, TransientFailures.isTransient(failure));
    }
}
