package org.bridgeway.referral.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The test vector of the Standard Webhooks reference libraries (secret, id, timestamp, body, signature). */
    @Test
    void signsTheSpecificationsTestVector() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void aRotationSignsWithBothSecretsSpaceSeparated() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(current, previous), "msg_1", 1700000000L, "{}");
        String[] entries = header.split(" ");
        assertEquals(2, entries.length);
        assertEquals(WebhookSignature.sign(current, "msg_1", 1700000000L, "{}"), entries[0]);
        assertEquals(WebhookSignature.sign(previous, "msg_1", 1700000000L, "{}"), entries[1]);
        assertNotEquals(entries[0], entries[1]);
    }

    @Test
    void everyPartOfTheSignedContentCounts() {
        String secret = WebhookSignature.newSecret();
        String base = WebhookSignature.sign(secret, "msg_1", 1700000000L, "{\"a\":1}");
        assertNotEquals(base, WebhookSignature.sign(secret, "msg_2", 1700000000L, "{\"a\":1}"));
        assertNotEquals(base, WebhookSignature.sign(secret, "msg_1", 1700000001L, "{\"a\":1}"));
        assertNotEquals(base, WebhookSignature.sign(secret, "msg_1", 1700000000L, "{\"a\": 1}"));
    }

    @Test
    void newSecretsAreWhsecWith32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignature.newSecret());
    }

    @Test
    void aMessageIdWithAFullStopIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> WebhookSignature.sign(WebhookSignature.newSecret(), "a.b", 1L, "{}"));
    }
}
