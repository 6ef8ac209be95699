package org.bridgeway.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature, issuer, audience and age were verified, kept by the SHA-256 of the compact
 * token until the token would be refused anyway (its {@code exp}, or {@code iat} + the maximum age),
 * and never longer than {@code maxHold}. A client sends the same token on every request for its
 * lifetime, and the RSA verification is the costliest step of a request; the raw token is never
 * kept, only its hash. Bounded: when full, expired entries go first, then everything.
 *
 * @param <T> the verified token
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T token, Instant until) {}

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;
    private final Duration maxHold;

    public VerifiedTokens(Clock clock, int capacity, Duration maxHold) {
        this.clock = clock;
        this.capacity = capacity;
        this.maxHold = maxHold;
    }

    /** The verified token for this compact form, if it was verified and has not expired since. */
    public Optional<T> get(String compact) {
        String key = hash(compact);
        Entry<T> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /**
     * Keeps a token that was just verified.
     *
     * @param expiresAt the earliest moment the verifier would refuse it (exp, or iat + maximum age)
     */
    public void put(String compact, T token, Instant expiresAt) {
        Instant now = clock.instant();
        Instant until = expiresAt.isBefore(now.plus(maxHold)) ? expiresAt : now.plus(maxHold);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(hash(compact), new Entry<>(token, until));
    }

    public int size() {
        return entries.size();
    }

    private static String hash(String compact) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(compact.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
