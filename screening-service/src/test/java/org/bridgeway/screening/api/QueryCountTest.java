package org.bridgeway.screening.api;

import static org.bridgeway.screening.Fixtures.admin;
import static org.bridgeway.screening.Fixtures.as;
import static org.bridgeway.screening.Fixtures.board;
import static org.bridgeway.screening.Fixtures.consent;
import static org.bridgeway.screening.Fixtures.coordinator;
import static org.bridgeway.screening.Fixtures.enrol;
import static org.bridgeway.screening.Fixtures.instrument;
import static org.bridgeway.screening.Fixtures.tag;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.bridgeway.screening.Fixtures.Student;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Listings cost a fixed number of queries, however many rows they show: no lookup per student (consent) or per
 * instrument version (whether it is in use). Counted by Hibernate, which runs every query of these two paths.
 */
@QuarkusTest
class QueryCountTest {

    private static final String BASE = "/api/v1/screening";

    @Inject
    SessionFactory sessions;

    @Test
    void listingStudentsLooksUpConsentOnceForTheWholePage() {
        String board = board();
        List<Student> students = enrol(board, "school-" + tag(), 9, 20);
        students.forEach(s -> consent(board, s.studentRef(), "granted"));
        String coordinator = coordinator(board);

        long forFive = statements(() -> as(coordinator)
                .queryParam("size", 5)
                .get(BASE + "/boards/{b}/students", board)
                .then()
                .statusCode(200)
                .body("items", hasSize(5)));
        long forTwenty = statements(() -> as(coordinator)
                .queryParam("size", 20)
                .get(BASE + "/boards/{b}/students", board)
                .then()
                .statusCode(200)
                .body("items", hasSize(20)));

        assertEquals(forFive, forTwenty, "a page of 20 students must cost the queries of a page of 5");
        assertEquals(
                List.of("granted"),
                as(coordinator)
                        .queryParam("size", 20)
                        .get(BASE + "/boards/{b}/students", board)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.consent", String.class)
                        .stream()
                        .distinct()
                        .toList());
    }

    @Test
    void listingInstrumentsAsksOnceWhetherAnyVersionIsInUse() {
        String admin = admin();
        long before =
                statements(() -> as(admin).get(BASE + "/instruments").then().statusCode(200));
        String key = "query-count-" + tag();
        for (int version = 1; version <= 3; version++) {
            as(admin)
                    .body(instrument(key, version))
                    .post(BASE + "/instruments")
                    .then()
                    .statusCode(201);
        }

        long after = statements(() -> as(admin)
                .get(BASE + "/instruments")
                .then()
                .statusCode(200)
                .body("findAll { it.key == '" + key + "' }", hasSize(3)));

        assertEquals(before, after, "three more versions must not add a query each");
    }

    private long statements(Runnable request) {
        Statistics statistics = sessions.getStatistics();
        long before = statistics.getPrepareStatementCount();
        request.run();
        return statistics.getPrepareStatementCount() - before;
    }
}
