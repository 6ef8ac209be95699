package org.bridgeway.screening.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key ring of a rotation, set the way docs/operations.md tells operators to: environment variables only. */
class IdentityConfigEnvironmentTest {

    @Test
    void previousKeysAndTheActiveIdComeFromTheEnvironment() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(
                        new EnvConfigSource(
                                Map.of(
                                        "BRIDGEWAY_IDENTITY_ENCRYPTION_KEY", "new-key",
                                        "BRIDGEWAY_IDENTITY_ENCRYPTION_KEY_ID", "2",
                                        "BRIDGEWAY_IDENTITY_PREVIOUS_ENCRYPTION_KEYS_0", "original-key",
                                        "BRIDGEWAY_IDENTITY_PREVIOUS_ENCRYPTION_KEYS_1", "first-rotation-key",
                                        "BRIDGEWAY_IDENTITY_REF_KEY", "ref-key"),
                                300) {})
                .withMapping(IdentityConfig.class)
                .build();
        IdentityConfig identity = config.getConfigMapping(IdentityConfig.class);
        assertEquals(2, identity.encryptionKeyId());
        assertEquals(Map.of("0", "original-key", "1", "first-rotation-key"), identity.previousEncryptionKeys());
    }
}
