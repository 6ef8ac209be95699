package org.bridgeway.screening.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Keys protecting student identity: each base64 of 32 random bytes, from the environment in production. */
@ConfigMapping(prefix = "bridgeway.identity")
public interface IdentityConfig {

    /** AES-256-GCM key for identity at rest: the active one, that new values are sealed with. */
    String encryptionKey();

    /** The active key's id (1..255 after a rotation; 0 is the original key, stored without an id). */
    @WithDefault("0")
    int encryptionKeyId();

    /**
     * Keys that were active before, by id: still read, and re-encrypted under the active key in the
     * background ({@code BRIDGEWAY_IDENTITY_PREVIOUS_ENCRYPTION_KEYS_<id>}). Remove one once the
     * re-encryption reports nothing left under it.
     */
    Map<String, String> previousEncryptionKeys();

    /** How often the background re-encryption runs while previous keys are configured (read by its {@code @Scheduled}). */
    @WithDefault("10m")
    String reencryptionInterval();

    /** How long after start it first runs (read by its {@code @Scheduled}). */
    @WithDefault("1m")
    String reencryptionDelay();

    /** HMAC-SHA256 key deriving the opaque, stable studentRef. */
    String refKey();
}
