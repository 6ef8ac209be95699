package org.bridgeway.referral.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks symmetric scheme: {@code v1,<base64 HMAC-SHA256("{id}.{timestamp}.{body}")>} keyed with
 * the base64-decoded part of a {@code whsec_<base64>} secret. Several signatures (a rotation's old and new
 * secret) go space-separated into one {@code webhook-signature} header.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    /** 32 bytes: within the specification's 24 to 64. */
    static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A fresh secret as shown to the integrator once: {@code whsec_} and base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** One {@code v1,<signature>} entry. */
    public static String sign(String secret, String messageId, long timestamp, String body) {
        if (messageId.contains(".")) {
            throw new IllegalArgumentException("a message id must not contain '.'");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code webhook-signature} header value: one entry per secret, in the order given. */
    public static String header(List<String> secrets, String messageId, long timestamp, String body) {
        return secrets.stream()
                .map(secret -> sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    /** The HMAC key: the base64 after {@code whsec_} (a bare base64 secret is accepted too, as the libraries do). */
    static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
