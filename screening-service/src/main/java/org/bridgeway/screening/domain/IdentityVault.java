package org.bridgeway.screening.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bridgeway.platform.security.TokenShape;

/**
 * Encrypts identity at rest (AES-256-GCM, a fresh 96-bit nonce per value, the studentRef as
 * associated data so a ciphertext cannot be moved to another student; keys by id in an
 * {@link IdentityKeyRing}, so the key can be rotated) and derives studentRefs.
 */
public final class IdentityVault {

    private final IdentityKeyRing keys;
    private final SecretKeySpec refKey;

    public IdentityVault(String encryptionKeyBase64, String refKeyBase64) {
        this(IdentityKeyRing.single(encryptionKeyBase64), refKeyBase64);
    }

    public IdentityVault(IdentityKeyRing keys, String refKeyBase64) {
        this.keys = keys;
        this.refKey = new SecretKeySpec(key(refKeyBase64, "ref"), "HmacSHA256");
    }

    /**
     * HMAC-SHA256(ref key, boardId + ":" + sisStudentId), hex: stable per student, opaque to everyone else.
     * Unambiguous because a board id can hold no ':' (the strict tenant pattern): the first ':' always ends
     * it, so board {@code X} with SIS id {@code c:SC} and a board {@code X:c} with {@code SC} cannot meet.
     */
    public String studentRef(String boardId, String sisStudentId) {
        if (!TokenShape.TENANT_ID.matcher(boardId).matches()) {
            throw new IllegalArgumentException("not a board id: a studentRef is derived only for a valid board id");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(refKey);
            return HexFormat.of()
                    .formatHex(mac.doFinal((boardId + ":" + sisStudentId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encrypt(String studentRef, String plaintext) {
        return keys.seal(studentRef, plaintext);
    }

    /** @throws IllegalStateException when the ciphertext was tampered with, belongs to another student, or its key is gone */
    public String decrypt(String studentRef, byte[] ciphertext) {
        return keys.open(studentRef, ciphertext);
    }

    /** The ciphertext sealed again under the active key, or null when it already is (key rotation). */
    public byte[] reencrypted(String studentRef, byte[] ciphertext) {
        return keys.resealed(studentRef, ciphertext);
    }

    /** Whether stored identities may still be under a previous key. */
    public boolean rotating() {
        return keys.rotating();
    }

    static byte[] key(String base64, String name) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalArgumentException(
                    "the identity " + name + " key must be 32 bytes (base64), was " + key.length);
        }
        return key;
    }
}
