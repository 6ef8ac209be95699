package org.bridgeway.referral.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void withAKeyTheSecretIsStoredEncryptedAndOpensOnlyForItsOwner() {
        SecretBox box = SecretBox.of(Optional.of(KEY));
        String secret = WebhookSignature.newSecret();
        String sealed = box.seal("sub-1", secret);
        assertTrue(sealed.startsWith("aes:"));
        assertFalse(sealed.contains(secret.substring(6)));
        assertEquals(secret, box.open("sub-1", sealed));
        assertThrows(IllegalStateException.class, () -> box.open("sub-2", sealed));
        String other = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        assertThrows(
                IllegalStateException.class,
                () -> SecretBox.of(Optional.of(other)).open("sub-1", sealed));
    }

    @Test
    void withoutAKeyTheSecretIsKeptAsItIsAndAnEncryptedOneCannotBeRead() {
        SecretBox plain = SecretBox.of(Optional.empty());
        assertFalse(plain.encrypts());
        assertEquals("whsec_x", plain.open("s", plain.seal("s", "whsec_x")));
        String sealed = SecretBox.of(Optional.of(KEY)).seal("s", "whsec_x");
        assertThrows(IllegalStateException.class, () -> plain.open("s", sealed));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SecretBox.of(Optional.of(Base64.getEncoder().encodeToString(new byte[16]))));
    }
}
