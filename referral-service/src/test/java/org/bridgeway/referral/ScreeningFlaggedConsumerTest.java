package org.bridgeway.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.EventJson;
import org.bridgeway.events.EventType;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.events.Topics;
import org.bridgeway.testing.TestInfra;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Flagged screenings arrive over the real broker and open exactly one case each. */
@QuarkusTest
class ScreeningFlaggedConsumerTest {

    @Test
    void aFlaggedScreeningOpensOneCaseEvenWhenDeliveredTwice() {
        String board = "b-" + UUID.randomUUID();
        UUID screening = UUID.randomUUID();
        ScreeningFlagged flagged = new ScreeningFlagged(screening, "ref-1", board, "s1", 9, 14, "needs-survey", 1,
                LocalDate.now(), Map.of("housing", "high"), List.of("housing"), 3, Instant.now());
        String eventId = UUID.randomUUID().toString();
        publish(eventId, flagged);
        publish(eventId, flagged); // the broker redelivers: same ce_id
        publish(UUID.randomUUID().toString(), flagged); // the producer retried with a new id: same screening

        String coordinator = TestInfra.token("c").roles("coordinator").board(board).sign();
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(coordinator)
                .get("/api/v1/referrals/boards/{b}/cases", board).then().extract().path("totalItems").equals(1));
        // give duplicates time to be (not) applied, then check again
        publish(UUID.randomUUID().toString(), new ScreeningFlagged(UUID.randomUUID(), "ref-2", board, "s1", 9, 14,
                "needs-survey", 1, LocalDate.now(), Map.of("home", "high"), List.of("family-support"), 3, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(coordinator)
                .get("/api/v1/referrals/boards/{b}/cases", board).then().extract().path("totalItems").equals(2));
        List<String> screenings = given().auth().oauth2(coordinator).get("/api/v1/referrals/boards/{b}/cases", board)
                .then().statusCode(200).extract().jsonPath().getList("items.screeningId");
        assertEquals(2, screenings.size());
        assertEquals(1, screenings.stream().filter(screening.toString()::equals).count());
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopic() {
        String marker = "poison-" + UUID.randomUUID();
        TestKafka.publish(Topics.SCREENING, marker, "{this is not json", Map.of(
                CloudEvents.HEADER_ID, marker,
                CloudEvents.HEADER_TYPE, EventType.SCREENING_FLAGGED.type(),
                CloudEvents.HEADER_SPEC_VERSION, "1.0"));
        var dead = TestKafka.readUntil(Topics.deadLetter(Topics.SCREENING), Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> marker.equals(r.key())));
        assertEquals(1, dead.stream().filter(r -> marker.equals(r.key())).count());
    }

    private static void publish(String id, ScreeningFlagged flagged) {
        TestKafka.publish(Topics.SCREENING, flagged.studentRef(), EventJson.write(flagged), Map.of(
                CloudEvents.HEADER_ID, id,
                CloudEvents.HEADER_TYPE, EventType.SCREENING_FLAGGED.type(),
                CloudEvents.HEADER_SOURCE, EventType.SCREENING_FLAGGED.source(),
                CloudEvents.HEADER_SPEC_VERSION, "1.0"));
    }
}
