package org.bridgeway.screening.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.bridgeway.screening.domain.IdentityVault;

public class IdentityVaultProducer {

    @Produces
    @ApplicationScoped
    IdentityVault identityVault(IdentityConfig config) {
        return new IdentityVault(config.encryptionKey(), config.refKey());
    }
}
