package org.bridgeway.referral.domain.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps signing secrets at rest: {@code aes:<base64(nonce ‖ ciphertext)>} under an AES-256-GCM key, with the
 * subscription id as associated data so a sealed secret cannot be moved to another subscription; without a key,
 * {@code raw:<secret>}. Secrets must be readable to sign, so they are encrypted, not hashed.
 */
public final class SecretBox {

    private static final String AES = "aes:";
    private static final String RAW = "raw:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(SecretKeySpec key) {
        this.key = key;
    }

    /** @param keyBase64 base64 of 32 bytes, or empty to store secrets unencrypted */
    public static SecretBox of(Optional<String> keyBase64) {
        if (keyBase64.isEmpty() || keyBase64.get().isBlank()) {
            return new SecretBox(null);
        }
        byte[] bytes = Base64.getDecoder().decode(keyBase64.get().trim());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("the webhook secret key must be 32 bytes (base64), was " + bytes.length);
        }
        return new SecretBox(new SecretKeySpec(bytes, "AES"));
    }

    public boolean encrypts() {
        return key != null;
    }

    public String seal(String owner, String secret) {
        if (key == null) {
            return RAW + secret;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return AES
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalStateException when the value was tampered with, belongs to another owner, or needs a key not configured */
    public String open(String owner, String stored) {
        if (stored.startsWith(RAW)) {
            return stored.substring(RAW.length());
        }
        if (!stored.startsWith(AES) || key == null) {
            throw new IllegalStateException("a stored webhook secret needs bridgeway.webhooks.secret-key to be read");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(AES.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored webhook secret cannot be opened with the configured key", e);
        }
    }
}
