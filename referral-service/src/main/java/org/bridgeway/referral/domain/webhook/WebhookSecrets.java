package org.bridgeway.referral.domain.webhook;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.bridgeway.referral.config.WebhookConfig;

/** The one {@link SecretBox} of the service, from {@code bridgeway.webhooks.secret-key}. */
@ApplicationScoped
public class WebhookSecrets {

    private final SecretBox box;

    WebhookSecrets(WebhookConfig config) {
        this.box = SecretBox.of(config.secretKey());
        if (!box.encrypts()) {
            Log.warn(
                    "bridgeway.webhooks.secret-key is not set: webhook signing secrets are stored unencrypted"
                            + " (they are still never shown after the answer that created them); set BRIDGEWAY_WEBHOOKS_SECRET_KEY");
        }
    }

    public SecretBox box() {
        return box;
    }
}
