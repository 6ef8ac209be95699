package org.bridgeway.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.devstack.DirectorySeed;
import org.bridgeway.devstack.SyntheticCohort;

/**
 * A fresh board whose only agreement in force is with the demo youth services organization, and
 * high-risk students at a school its services cover: each flagged, its case validated and referred,
 * so a test has referrals waiting for that partner's answer.
 */
final class ReferredBoard {

    static final String ORG = DirectorySeed.DEMO_YOUTH_SERVICES;

    final String board;
    final String coordinator;
    final List<String> referrals = new ArrayList<>();

    ReferredBoard(Api api, String name, int students) throws Exception {
        board = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        coordinator = api.token("coord-" + board, "coordinator", board);
        api.seedDirectory();
        api.as(api.token("admin-" + board, "admin", null))
                .body(Map.of(
                        "organizationId",
                        ORG,
                        "boardId",
                        board,
                        "scopes",
                        List.of("screening-summary"),
                        "validFrom",
                        LocalDate.now().minusDays(1).toString(),
                        "status",
                        "active"))
                .post("/api/v1/partners/agreements")
                .then()
                .statusCode(201);
        CohortIngest ingest = new CohortIngest(
                        api,
                        board,
                        SyntheticCohort.generate(
                                name.hashCode(),
                                name.toUpperCase(),
                                List.of("demo-school-1"),
                                students,
                                new SyntheticCohort.Mix(1, 0, 1, 0)))
                .rosterAndConsents();
        assertFlagged(
                ingest.awaitBatch(ingest.submit(ingest.cohort().students(), false), students, Duration.ofSeconds(60)),
                students);
        List<JsonNode> cases =
                Api.await("a case per student", Duration.ofSeconds(60), ingest::cases, c -> c.size() == students);
        for (JsonNode aCase : cases) {
            String caseId = aCase.path("id").asText();
            Api.await(
                    "the agreement in referral-service's read model",
                    Duration.ofSeconds(30),
                    () -> Api.json(api.as(coordinator)
                                    .get("/api/v1/referrals/boards/{b}/cases/{c}/candidates", board, caseId)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .response())
                            .path("candidates"),
                    candidates -> candidates.size() > 0);
            api.as(coordinator)
                    .body("{\"decision\":\"confirm\",\"tier\":2}")
                    .post("/api/v1/referrals/boards/{b}/cases/{c}/validation", board, caseId)
                    .then()
                    .statusCode(200);
            referrals.add(api.as(coordinator)
                    .body("{}")
                    .post("/api/v1/referrals/boards/{b}/cases/{c}/referrals", board, caseId)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
    }

    private static void assertFlagged(int flagged, int students) {
        if (flagged != students) {
            throw new AssertionError("every high-risk student is flagged: " + flagged + " of " + students);
        }
    }
}
