package org.bridgeway.platform.input;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptHeaderGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "*/*",
                "application/problem+json, application/json;q=0.9",
                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2",
                "",
                " , application/json"
            })
    void mediaRangeListsPass(String accept) {
        assertTrue(AcceptHeaderGuard.isMediaRangeList(accept), accept);
    }

    /** What the fuzz test sent and the runtime answered with 500. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "éé",
                "\"\"",
                "%00",
                "\u0000",
                "application",
                "application/",
                "/json",
                "a/b/c",
                "application/jsön",
                "x y/z"
            })
    void anythingElseIsRefused(String accept) {
        assertFalse(AcceptHeaderGuard.isMediaRangeList(accept), accept);
    }
}
