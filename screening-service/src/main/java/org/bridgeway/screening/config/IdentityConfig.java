package org.bridgeway.screening.config;

import io.smallrye.config.ConfigMapping;

/** Keys protecting student identity: both base64 of 32 random bytes, from the environment in production. */
@ConfigMapping(prefix = "bridgeway.identity")
public interface IdentityConfig {

    /** AES-256-GCM key for identity at rest. */
    String encryptionKey();

    /** HMAC-SHA256 key deriving the opaque, stable studentRef. */
    String refKey();
}
