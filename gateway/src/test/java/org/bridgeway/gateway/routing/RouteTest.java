package org.bridgeway.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {

    @ParameterizedTest
    @CsvSource({
        "/api/v1/screening/boards/b/roster, SCREENING",
        "/api/v1/screening, SCREENING",
        "/api/v1/partners/services, PARTNER",
        "/api/v1/hsds/services, PARTNER",
        "/api/v1/referrals/boards/b/cases, REFERRAL",
        "/api/v1/screeningx/a, NONE",
        "/api/v2/screening/a, NONE"
    })
    void routesByPrefixOnSegmentBoundaries(String path, String expected) {
        assertEquals(expected, Route.of(path).map(Enum::name).orElse("NONE"));
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /api/v1/screening/boards/b/batches, BULK",
        "POST, /api/v1/screening/boards/b/roster, BULK",
        "POST, /api/v1/screening/boards/b/screenings, WRITE",
        "PUT, /api/v1/screening/boards/b/students/r/consent, WRITE",
        "GET, /api/v1/screening/boards/b/batches, READ"
    })
    void classifiesByCost(String method, String path, RouteClass expected) {
        assertEquals(expected, RouteClass.of(method, path));
    }
}
