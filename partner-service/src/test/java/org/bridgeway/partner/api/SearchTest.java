package org.bridgeway.partner.api;

import static org.bridgeway.partner.Fixtures.SERVICES;
import static org.bridgeway.partner.Fixtures.admin;
import static org.bridgeway.partner.Fixtures.as;
import static org.bridgeway.partner.Fixtures.capacity;
import static org.bridgeway.partner.Fixtures.organization;
import static org.bridgeway.partner.Fixtures.service;
import static org.bridgeway.partner.Fixtures.serviceBody;
import static org.bridgeway.partner.Fixtures.uniqueArea;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search filters, inclusive eligibility bounds, paging totals and relevance order. Each test's services serve
 * an area of their own, so filtering on it sees exactly them.
 */
@QuarkusTest
class SearchTest {

    @Inject
    AgroalDataSource dataSource;

    private String area;
    private String org;

    @BeforeEach
    void directory() {
        area = uniqueArea();
        org = organization("Search");
    }

    private String add(String name, List<String> needs, Map<String, Object> changes) {
        Map<String, Object> body = serviceBody(org, name, needs);
        body.put("serviceAreas", List.of(area, "demo-school-1"));
        body.putAll(changes);
        return service(body);
    }

    private ValidatableResponse search(Map<String, ?> params) {
        return as(admin())
                .queryParam("area", area)
                .queryParams(params)
                .get(SERVICES)
                .then()
                .statusCode(200);
    }

    @Test
    void ageAndGradeBoundsAreInclusive() {
        String teens =
                add("Teens", List.of("housing"), Map.of("minAge", 13, "maxAge", 17, "minGrade", 8, "maxGrade", 12));
        String open = add("Anyone", List.of("housing"), Map.of());
        search(Map.of("age", 13)).body("items.id", containsInAnyOrder(teens, open));
        search(Map.of("age", 17)).body("items.id", containsInAnyOrder(teens, open));
        search(Map.of("age", 12)).body("items.id", contains(open));
        search(Map.of("age", 18)).body("items.id", contains(open));
        search(Map.of("grade", 8)).body("items.id", containsInAnyOrder(teens, open));
        search(Map.of("grade", 12)).body("items.id", containsInAnyOrder(teens, open));
        search(Map.of("grade", 7)).body("items.id", contains(open));
    }

    @Test
    void needsMatchAnyOrAllAndLanguageAreaCapacityStatusAndTextFilter() {
        String both = add(
                "Housing and family", List.of("housing", "family-support"), Map.of("languages", List.of("en", "fr")));
        String housing = add(
                "Shelter beds",
                List.of("housing"),
                Map.of("languages", List.of("pa"), "capacity", capacity(4, 10, "none")));
        String food = add(
                "Breakfast club",
                List.of("food-security"),
                Map.of("status", "temporarily-closed", "description", "Hot breakfast before the first bell"));

        as(admin())
                .queryParam("area", area)
                .queryParam("need", "housing")
                .queryParam("need", "family-support")
                .get(SERVICES)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(both, housing));
        as(admin())
                .queryParam("area", area)
                .queryParam("need", "housing")
                .queryParam("need", "family-support")
                .queryParam("needMatch", "all")
                .get(SERVICES)
                .then()
                .body("items.id", contains(both));
        search(Map.of("language", "pa")).body("items.id", contains(housing));
        search(Map.of("language", "fr")).body("items.id", contains(both));
        search(Map.of("withCapacity", "true")).body("items.id", contains(housing));
        search(Map.of("status", "temporarily-closed")).body("items.id", contains(food));
        search(Map.of("q", "BREAKFAST BEFORE")).body("items.id", contains(food));
        search(Map.of("q", "shelter")).body("items.id", contains(housing));
        search(Map.of("q", "100%_")).body("items", empty());
        as(admin())
                .queryParam("area", uniqueArea())
                .get(SERVICES)
                .then()
                .body("totalItems", equalTo(0))
                .body("items", empty());
        as(admin())
                .queryParam("area", "demo-school-1")
                .queryParam("q", "Breakfast club")
                .get(SERVICES)
                .then()
                .body("items.id", hasItem(food));
    }

    @Test
    void relevanceIsNeedsCoveredThenCapacityThenNameAndPagingIsStableWithTotals() {
        String coversTwo = add("Zeta both needs", List.of("housing", "mental-health"), Map.of());
        String withRoom = add("Yankee room", List.of("housing"), Map.of("capacity", capacity(5, 5, "none")));
        String full = add("Alpha full", List.of("housing"), Map.of("capacity", capacity(0, 5, "1-3-months")));
        String unknown = add("Bravo unknown", List.of("mental-health"), Map.of());
        String unrelated = add("Charlie food", List.of("food-security"), Map.of());

        List<String> expected = List.of(coversTwo, withRoom, full, unknown);
        as(admin())
                .queryParam("area", area)
                .queryParam("need", "housing")
                .queryParam("need", "mental-health")
                .get(SERVICES)
                .then()
                .body("items.id", equalTo(expected))
                .body("totalItems", equalTo(4));

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            as(admin())
                    .queryParam("area", area)
                    .queryParam("need", "housing")
                    .queryParam("need", "mental-health")
                    .queryParam("size", 2)
                    .queryParam("page", page)
                    .get(SERVICES)
                    .then()
                    .body("totalItems", equalTo(4))
                    .body("totalPages", equalTo(2))
                    .body("page", equalTo(page))
                    .extract()
                    .<List<String>>path("items.id")
                    .forEach(paged::add);
        }
        assertEquals(expected, paged, "pages in a row give the same order as one page, nothing twice or lost");
        search(Map.of())
                .body("items.id", hasItem(unrelated))
                .body("totalItems", equalTo(5))
                .body("items[0].id", equalTo(withRoom));
    }

    /**
     * Search runs on each instance's in-memory index. Rows written outside this instance (here: straight in SQL,
     * as another instance's transaction would) are found by the next search, also when their transaction was
     * still open while this instance last brought its index up to date.
     */
    @Test
    void aSearchSeesEveryChangeCommittedBeforeItWhicheverInstanceMadeIt() throws SQLException {
        String bravo = add("Bravo", List.of("housing"), Map.of("capacity", capacity(1, 5, "none")));
        search(Map.of("need", "housing")).body("items.id", contains(bravo));

        UUID alpha = UUID.randomUUID();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(
                    "INSERT INTO service (id, organization_id, name, needs, service_areas, status, available, maximum)"
                            + " VALUES (?, ?::uuid, 'Alpha', '{housing}', ?::varchar[], 'active', 3, 5)")) {
                insert.setObject(1, alpha);
                insert.setString(2, org);
                insert.setString(3, "{" + area + "}");
                insert.executeUpdate();
            }
            try (PreparedStatement full = other.prepareStatement("UPDATE service SET available = 0 WHERE id = ?")) {
                full.setObject(1, UUID.fromString(bravo));
                full.executeUpdate();
            }
            // the index looks while that transaction is open: its rows are not visible yet
            search(Map.of("need", "housing")).body("items.id", contains(bravo));
            other.commit();
        }

        search(Map.of("need", "housing")).body("items.id", contains(alpha.toString(), bravo));
        search(Map.of("need", "housing", "withCapacity", true)).body("items.id", contains(alpha.toString()));
    }

    @Test
    void badSearchParametersAre400WithTheFieldNamed() {
        Map<String, String> bad = Map.of(
                "age",
                "eleven",
                "grade",
                "13",
                "withCapacity",
                "maybe",
                "status",
                "open",
                "needMatch",
                "some",
                "size",
                "500",
                "page",
                "-1");
        bad.forEach((name, value) -> as(admin())
                .queryParam(name, value)
                .get(SERVICES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(name)));
        as(admin())
                .queryParam("q", "x".repeat(201))
                .get(SERVICES)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }
}
