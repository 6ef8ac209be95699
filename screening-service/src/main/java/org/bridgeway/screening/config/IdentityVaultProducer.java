package org.bridgeway.screening.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.HashMap;
import java.util.Map;
import org.bridgeway.screening.domain.IdentityKeyRing;
import org.bridgeway.screening.domain.IdentityVault;

public class IdentityVaultProducer {

    @Produces
    @ApplicationScoped
    IdentityVault identityVault(IdentityConfig config) {
        Map<Integer, String> keys = new HashMap<>();
        config.previousEncryptionKeys().forEach((id, key) -> keys.put(Integer.parseInt(id), key));
        keys.put(config.encryptionKeyId(), config.encryptionKey());
        return new IdentityVault(new IdentityKeyRing(config.encryptionKeyId(), keys), config.refKey());
    }
}
