package org.bridgeway.referral.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointRuleTest {

    private final EndpointRule strict = new EndpointRule(false);
    private final EndpointRule local = new EndpointRule(true);

    @Test
    void httpsWithAHostIsAccepted() {
        assertEquals(Optional.empty(), strict.refusal("https://agency.example.org/hooks/bridgeway?x=1"));
        assertEquals(Optional.empty(), strict.refusal("https://agency.example.org:8443/h"));
    }

    @Test
    void plainHttpOnlyToTheLocalMachineAndOnlyWhenAllowed() {
        assertTrue(strict.refusal("http://localhost:8099/hook").isPresent());
        assertTrue(strict.refusal("http://127.0.0.1:8099/hook").isPresent());
        assertEquals(Optional.empty(), local.refusal("http://localhost:8099/hook"));
        assertEquals(Optional.empty(), local.refusal("http://127.0.0.1:8099/hook"));
        assertTrue(local.refusal("http://agency.example.org/hook").isPresent());
        assertTrue(local.refusal("http://localhost.evil.example/hook").isPresent());
    }

    @Test
    void everythingElseIsRefusedWithAReason() {
        for (String bad : new String[] {
            null,
            "",
            "   ",
            "not a url",
            "/relative/path",
            "ftp://agency.example.org/x",
            "https:///nohost",
            "https://user:pass@agency.example.org/h",
            "https://agency.example.org/h#frag",
            "javascript:alert(1)",
            "https://agency.example.org/" + "a".repeat(2100)
        }) {
            assertTrue(strict.refusal(bad).isPresent(), "accepted " + bad);
        }
    }
}
