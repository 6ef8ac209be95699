package org.bridgeway.screening.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdentityVaultTest {

    private static final String KEY_A =
            Base64.getEncoder().encodeToString("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes());
    private static final String KEY_B =
            Base64.getEncoder().encodeToString("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".getBytes());

    private final IdentityVault vault = new IdentityVault(KEY_A, KEY_B);

    @Test
    void studentRefIsStablePerBoardAndOpaque() {
        String ref = vault.studentRef("board-1", "S123");
        assertEquals(ref, vault.studentRef("board-1", "S123"));
        assertNotEquals(ref, vault.studentRef("board-2", "S123"));
        assertFalse(ref.contains("S123"));
        assertEquals(64, ref.length());
        assertNotEquals(ref, new IdentityVault(KEY_A, KEY_A).studentRef("board-1", "S123"), "the ref key matters");
    }

    @Test
    void identityRoundTripsAndIsBoundToItsStudent() {
        byte[] sealed = vault.encrypt("ref-1", "{\"givenName\":\"Ada\"}");
        assertFalse(new String(sealed).contains("Ada"));
        assertEquals("{\"givenName\":\"Ada\"}", vault.decrypt("ref-1", sealed));
        assertThrows(IllegalStateException.class, () -> vault.decrypt("ref-2", sealed));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> vault.decrypt("ref-1", sealed));
    }

    @Test
    void rejectsShortKeys() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new IdentityVault(Base64.getEncoder().encodeToString(new byte[16]), KEY_B));
    }
}
