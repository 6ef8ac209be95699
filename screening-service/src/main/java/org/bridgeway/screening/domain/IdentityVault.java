package org.bridgeway.screening.domain;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts identity at rest (AES-256-GCM, a fresh 96-bit nonce per value, the studentRef as
 * associated data so a ciphertext cannot be moved to another student) and derives studentRefs.
 */
public final class IdentityVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec refKey;
    private final SecureRandom random = new SecureRandom();

    public IdentityVault(String encryptionKeyBase64, String refKeyBase64) {
        this.encryptionKey = new SecretKeySpec(key(encryptionKeyBase64, "encryption"), "AES");
        this.refKey = new SecretKeySpec(key(refKeyBase64, "ref"), "HmacSHA256");
    }

    /** HMAC-SHA256(ref key, boardId + ":" + sisStudentId), hex: stable per student, opaque to everyone else. */
    public String studentRef(String boardId, String sisStudentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(refKey);
            return HexFormat.of().formatHex(mac.doFinal((boardId + ":" + sisStudentId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encrypt(String studentRef, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(studentRef.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalStateException when the ciphertext was tampered with or belongs to another student */
    public String decrypt(String studentRef, byte[] ciphertext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            cipher.updateAAD(studentRef.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("identity cannot be decrypted for " + studentRef, e);
        }
    }

    private static byte[] key(String base64, String name) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalArgumentException("the identity " + name + " key must be 32 bytes (base64), was " + key.length);
        }
        return key;
    }
}
