package org.bridgeway.partner.messaging;

import static org.bridgeway.partner.Fixtures.AGREEMENTS;
import static org.bridgeway.partner.Fixtures.SERVICES;
import static org.bridgeway.partner.Fixtures.admin;
import static org.bridgeway.partner.Fixtures.agreementBody;
import static org.bridgeway.partner.Fixtures.as;
import static org.bridgeway.partner.Fixtures.capacity;
import static org.bridgeway.partner.Fixtures.organization;
import static org.bridgeway.partner.Fixtures.partnerOf;
import static org.bridgeway.partner.Fixtures.service;
import static org.bridgeway.partner.Fixtures.serviceBody;
import static org.bridgeway.partner.Fixtures.uniqueBoard;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.events.AgreementChanged;
import org.bridgeway.events.CapacityChanged;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.EventJson;
import org.bridgeway.events.ServiceUpserted;
import org.bridgeway.events.Topics;
import org.bridgeway.testing.TestInfra;
import org.bridgeway.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * Every directory, capacity and agreement change is exactly one event on partner.events, keyed by the service
 * (or agreement) so one service's events arrive in the order of its versions, even when the changes were made
 * while Kafka was down (the outbox keeps them) and published when it came back.
 */
@QuarkusTest
class PartnerEventsOutageTest {

    private static final String SERVICE_UPSERTED = "org.bridgeway.partner.ServiceUpserted.v1";
    private static final String CAPACITY_CHANGED = "org.bridgeway.partner.CapacityChanged.v1";
    private static final String AGREEMENT_CHANGED = "org.bridgeway.partner.AgreementChanged.v1";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void changesMadeDuringAKafkaOutageArePublishedOnceEachAndInOrderAfterIt() throws Exception {
        String org = organization("Outage");
        String board = uniqueBoard();
        Map<String, Object> body = serviceBody(org, "Youth counselling", List.of("mental-health"));
        String partner = partnerOf(org);
        String serviceId;
        String agreementId;

        TestInfra.kafka().stop();
        try {
            serviceId = service(body);
            body.put("languages", List.of("en", "pa"));
            as(admin()).body(body).put(SERVICES + "/" + serviceId).then().statusCode(200);
            as(partner)
                    .header("If-Match", "\"2\"")
                    .body(capacity(3, 6, "none"))
                    .put(SERVICES + "/" + serviceId + "/capacity")
                    .then()
                    .statusCode(200);
            as(partner)
                    .header("If-Match", "\"3\"")
                    .body(capacity(0, 6, "1-3-months"))
                    .put(SERVICES + "/" + serviceId + "/capacity")
                    .then()
                    .statusCode(200);
            as(admin()).post(SERVICES + "/" + serviceId + "/deactivate").then().statusCode(200);
            agreementId = as(admin())
                    .body(agreementBody(org, board, "2026-01-01", null, "active", List.of("screening-summary")))
                    .post(AGREEMENTS)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(admin())
                    .body(Map.of(
                            "scopes",
                            List.of("screening-summary", "identity"),
                            "validFrom",
                            "2026-01-01",
                            "status",
                            "active"))
                    .put(AGREEMENTS + "/" + agreementId)
                    .then()
                    .statusCode(200);
        } finally {
            TestInfra.kafka().start();
        }

        String service = serviceId;
        String agreement = agreementId;
        java.util.function.Predicate<List<ConsumerRecord<String, String>>> allThere =
                read -> ours(read, service).size() >= 5 && ours(read, agreement).size() >= 2;
        TestKafka.readUntil(Topics.PARTNER, Duration.ofSeconds(90), allThere);
        // read the topic again a little later, so an event the relay published twice would show
        await(Duration.ofSeconds(2));
        List<ConsumerRecord<String, String>> all =
                TestKafka.readUntil(Topics.PARTNER, Duration.ofSeconds(30), allThere);

        List<ConsumerRecord<String, String>> serviceEvents = ours(all, service);
        assertEquals(
                List.of(SERVICE_UPSERTED, SERVICE_UPSERTED, CAPACITY_CHANGED, CAPACITY_CHANGED, SERVICE_UPSERTED),
                serviceEvents.stream()
                        .map(r -> TestKafka.header(r, CloudEvents.HEADER_TYPE))
                        .toList());
        assertEquals(
                List.of(1L, 2L, 3L, 4L, 5L),
                serviceEvents.stream().map(r -> version(r.value())).toList(),
                "one event per change, in the order of the service's versions");
        assertEquals(
                5,
                serviceEvents.stream()
                        .map(r -> TestKafka.header(r, CloudEvents.HEADER_ID))
                        .distinct()
                        .count());

        ServiceUpserted updated = EventJson.read(serviceEvents.get(1).value(), ServiceUpserted.class);
        assertEquals(List.of("en", "pa"), updated.languages());
        assertEquals(UUID.fromString(org), updated.organizationId());
        assertEquals(List.of("mental-health"), updated.needs());
        CapacityChanged emptied = EventJson.read(serviceEvents.get(3).value(), CapacityChanged.class);
        assertEquals(0, emptied.available());
        assertEquals("1-3-months", emptied.waitlist());
        ServiceUpserted deactivated = EventJson.read(serviceEvents.get(4).value(), ServiceUpserted.class);
        assertEquals("inactive", deactivated.status());
        assertEquals(Integer.valueOf(6), deactivated.maximum());

        List<ConsumerRecord<String, String>> agreementEvents = ours(all, agreement);
        assertEquals(
                List.of(AGREEMENT_CHANGED, AGREEMENT_CHANGED),
                agreementEvents.stream()
                        .map(r -> TestKafka.header(r, CloudEvents.HEADER_TYPE))
                        .toList());
        AgreementChanged widened = EventJson.read(agreementEvents.get(1).value(), AgreementChanged.class);
        assertEquals(2L, widened.version());
        assertEquals(List.of("screening-summary", "identity"), widened.scopes());
        assertEquals(board, widened.boardId());
    }

    private static void await(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private long version(String payload) {
        try {
            JsonNode data = json.readTree(payload);
            return data.path("version").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
