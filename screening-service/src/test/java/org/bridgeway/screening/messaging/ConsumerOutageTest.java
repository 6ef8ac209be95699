package org.bridgeway.screening.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.enrolOne;
import static org.bridgeway.screening.Fixtures.screening;
import static org.bridgeway.screening.Fixtures.severeAnswers;
import static org.bridgeway.screening.Fixtures.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.ReferralStatusChanged;
import org.bridgeway.events.Topics;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.Fixtures.Student;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * A database failure while a referral event is consumed, against the real PostgreSQL: the service's pooled
 * connections are terminated (as when PostgreSQL restarts) and the inbox table stays locked past a 1 s
 * lock_timeout, so every attempt fails. The consumer waits it out holding the partition, applies the event
 * once the database is back, and dead-letters nothing.
 */
@QuarkusTest
class ConsumerOutageTest {

    private static final String RETRIES =
            "bridgeway_consumer_retries_total{consumer=\"" + ReferralEventsConsumer.CONSUMER + "\"";

    @Test
    void aDatabaseFailureIsRetriedUntilItPassesAndNeverDeadLettered() throws Exception {
        String board = board();
        Student student = enrolOne(board, "s1");
        String screening = submit(board, student, severeAnswers());
        double retriesBefore = retries();
        String eventId = TestKafka.newEventId();

        try (Connection admin = Db.connect();
                Connection blocker = Db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement();
                    Statement alter = admin.createStatement()) {
                lock.execute("LOCK TABLE processed_event IN ACCESS EXCLUSIVE MODE");
                alter.execute("ALTER DATABASE screening SET lock_timeout = '1s'");
                terminateOtherBackends(admin, blocker);

                TestKafka.publishEvent(eventId, student.studentRef(), requested(board, student, screening));
                await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);

                assertEquals(0, processed(blocker, eventId), "nothing applied while the database fails");
                assertNull(referralStatus(blocker, screening));
            } finally {
                blocker.rollback();
                try (Statement reset = admin.createStatement()) {
                    reset.execute("ALTER DATABASE screening RESET lock_timeout");
                }
            }
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> "requested".equals(screening(board, screening).getString("referral.status")));
        assertEquals(
                1,
                Db.number(
                        "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                        ReferralEventsConsumer.CONSUMER,
                        eventId));
        assertTrue(
                TestKafka.readToEnd(Topics.deadLetter(Topics.REFERRAL)).stream()
                        .noneMatch(r -> eventId.equals(TestKafka.header(r, CloudEvents.HEADER_ID))),
                "a transient failure is never dead-lettered");
    }

    private static ReferralStatusChanged requested(String board, Student student, String screening) {
        return new ReferralStatusChanged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.fromString(screening),
                student.studentRef(),
                board,
                UUID.randomUUID(),
                UUID.randomUUID(),
                ReferralStatusChanged.REQUESTED,
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Ends every session on the service's database but the test's own two. */
    private static void terminateOtherBackends(Connection admin, Connection blocker) throws SQLException {
        int blockerPid;
        try (Statement s = blocker.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            blockerPid = rs.getInt(1);
        }
        try (PreparedStatement terminate = admin.prepareStatement("SELECT count(pg_terminate_backend(pid))"
                + " FROM pg_stat_activity WHERE datname = 'screening' AND pid NOT IN (pg_backend_pid(), ?)")) {
            terminate.setInt(1, blockerPid);
            terminate.executeQuery().close();
        }
    }

    private static long processed(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String referralStatus(Connection c, String screening) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT referral_status FROM screening WHERE id = ?")) {
            s.setObject(1, UUID.fromString(screening));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** How many transient failures this consumer has waited out, from the Prometheus endpoint. */
    private static double retries() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith(RETRIES))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
