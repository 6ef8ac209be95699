package org.bridgeway.screening.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity encryption keys by id, so the key can be rotated without losing what the old one sealed.
 * A value sealed under key {@code n > 0} is {@code 0xB1, n, nonce, ciphertext+tag}; key 0 is the
 * original key, whose values carry no id ({@code nonce, ciphertext+tag}), so data written before key
 * ids existed stays readable and a suite that never rotates writes exactly what it always wrote.
 * AES-256-GCM with the studentRef as associated data; which key opened a value is decided by GCM's
 * authentication, never by the leading bytes alone (an unlabelled nonce may start with the marker).
 */
public final class IdentityKeyRing {

    static final byte MARKER = (byte) 0xB1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int LEGACY = 0;

    private final Map<Integer, SecretKeySpec> keys = new HashMap<>();
    private final int activeId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param activeId the key new values are sealed with
     * @param base64Keys every key still needed to read stored values, by id (0..255), base64 of 32 bytes each
     */
    public IdentityKeyRing(int activeId, Map<Integer, String> base64Keys) {
        base64Keys.forEach((id, key) -> {
            if (id < 0 || id > 255) {
                throw new IllegalArgumentException("identity key ids are 0..255, not " + id);
            }
            keys.put(id, new SecretKeySpec(IdentityVault.key(key, "encryption"), "AES"));
        });
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException(
                    "the active identity key " + activeId + " is not in the key ring " + keys.keySet());
        }
        this.activeId = activeId;
    }

    public static IdentityKeyRing single(String base64Key) {
        return new IdentityKeyRing(LEGACY, Map.of(LEGACY, base64Key));
    }

    byte[] seal(String studentRef, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeId), nonce, 0, studentRef);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate((activeId == LEGACY ? 0 : 2) + NONCE_BYTES + sealed.length);
            if (activeId != LEGACY) {
                out.put(MARKER).put((byte) activeId);
            }
            return out.put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalStateException when no key of the ring opens the value (tampered, another student's, or its key removed) */
    String open(String studentRef, byte[] value) {
        return opened(studentRef, value).plaintext();
    }

    /**
     * The value sealed again under the active key, or null when it already is: what a re-encryption
     * pass writes back. Opening it proves which key sealed it.
     */
    byte[] resealed(String studentRef, byte[] value) {
        Opened opened = opened(studentRef, value);
        return opened.keyId() == activeId ? null : seal(studentRef, opened.plaintext());
    }

    boolean rotating() {
        return keys.size() > 1;
    }

    private record Opened(int keyId, String plaintext) {}

    private Opened opened(String studentRef, byte[] value) {
        if (value.length > 2 && value[0] == MARKER) {
            int id = value[1] & 0xff;
            if (id != LEGACY && keys.containsKey(id)) {
                String plaintext = tryOpen(id, value, 2, studentRef);
                if (plaintext != null) {
                    return new Opened(id, plaintext);
                }
            }
        }
        String plaintext = keys.containsKey(LEGACY) ? tryOpen(LEGACY, value, 0, studentRef) : null;
        if (plaintext == null) {
            throw new IllegalStateException(
                    "identity cannot be decrypted for " + studentRef + " with keys " + keys.keySet());
        }
        return new Opened(LEGACY, plaintext);
    }

    private String tryOpen(int id, byte[] value, int offset, String studentRef) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keys.get(id), value, offset, studentRef);
            int start = offset + NONCE_BYTES;
            return new String(cipher.doFinal(value, start, value.length - start), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException wrongKeyTamperedOrTruncated) {
            return null;
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, int offset, String studentRef)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce, offset, NONCE_BYTES));
        cipher.updateAAD(studentRef.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
