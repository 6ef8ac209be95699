package org.bridgeway.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccessLineTest {

    @Test
    void theLineNamesTheRequestAndRoundsItsDurationToATenthOfAMillisecond() {
        assertEquals(
                "rid=r-1 GET /api/v1/partners/services route=partner-service status=200 1.3ms",
                EdgeHandlers.accessLine("r-1", "GET", "/api/v1/partners/services", "partner-service", 200, 1_250_000));
        assertEquals(
                "rid=r-2 POST /x route=- status=404 0.0ms",
                EdgeHandlers.accessLine("r-2", "POST", "/x", "-", 404, 49_999));
        assertEquals(
                "rid=r-3 PUT /y route=- status=503 12.0ms",
                EdgeHandlers.accessLine("r-3", "PUT", "/y", "-", 503, 11_960_000));
    }
}
