package org.bridgeway.screening.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rotating the identity encryption key: old values stay readable, are sealed again, then the old key can go. */
class IdentityKeyRingTest {

    private static final String OLD = key('o');
    private static final String NEW = key('n');
    private static final String REF = "ref-1";

    @Test
    void withoutRotationValuesAreStoredAsBeforeKeyIds() {
        byte[] value = IdentityKeyRing.single(OLD).seal(REF, "Ada Lovelace");
        assertEquals(12 + "Ada Lovelace".length() + 16, value.length, "nonce, ciphertext and tag only: no key id");
        assertEquals("Ada Lovelace", new IdentityVault(OLD, OLD).decrypt(REF, value));
    }

    @Test
    void aRotatedRingReadsOldValuesSealsNewOnesUnderTheNewKeyAndReencryptsTheOld() {
        byte[] legacy = IdentityKeyRing.single(OLD).seal(REF, "Ada Lovelace");
        IdentityKeyRing rotated = new IdentityKeyRing(1, Map.of(0, OLD, 1, NEW));

        assertEquals("Ada Lovelace", rotated.open(REF, legacy));
        byte[] fresh = rotated.seal(REF, "Grace Hopper");
        assertEquals(IdentityKeyRing.MARKER, fresh[0]);
        assertEquals(1, fresh[1]);
        assertNull(rotated.resealed(REF, fresh), "already under the active key");

        byte[] resealed = rotated.resealed(REF, legacy);
        assertNotNull(resealed);
        IdentityKeyRing newOnly = new IdentityKeyRing(1, Map.of(1, NEW));
        assertEquals("Ada Lovelace", newOnly.open(REF, resealed), "readable once the old key is removed");
        assertEquals("Grace Hopper", newOnly.open(REF, fresh));
        assertThrows(IllegalStateException.class, () -> newOnly.open(REF, legacy), "the old key is really gone");
    }

    @Test
    void aValueBoundToAnotherStudentOrTamperedWithIsRefused() {
        IdentityKeyRing ring = new IdentityKeyRing(1, Map.of(0, OLD, 1, NEW));
        byte[] value = ring.seal(REF, "Ada Lovelace");
        assertThrows(IllegalStateException.class, () -> ring.open("ref-2", value));
        value[value.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> ring.open(REF, value));
    }

    @Test
    void aLegacyValueWhoseNonceHappensToLookLikeAKeyIdIsStillReadAndReencrypted() {
        IdentityKeyRing original = IdentityKeyRing.single(OLD);
        byte[] legacy = original.seal(REF, "Ada Lovelace");
        // about 1 value in 65,536 starts with the marker and the active id by chance; find one
        for (int i = 0; i < 5_000_000 && !(legacy[0] == IdentityKeyRing.MARKER && legacy[1] == 1); i++) {
            legacy = original.seal(REF, "Ada Lovelace");
        }
        assertEquals(IdentityKeyRing.MARKER, legacy[0]);
        assertEquals(1, legacy[1]);

        IdentityKeyRing rotated = new IdentityKeyRing(1, Map.of(0, OLD, 1, NEW));
        assertEquals("Ada Lovelace", rotated.open(REF, legacy));
        assertNotNull(rotated.resealed(REF, legacy), "GCM, not the leading bytes, decides which key sealed it");
    }

    @Test
    void theActiveKeyMustBeInTheRing() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityKeyRing(2, Map.of(0, OLD, 1, NEW)));
        assertThrows(IllegalArgumentException.class, () -> new IdentityKeyRing(300, Map.of(300, NEW)));
    }

    private static String key(char fill) {
        return Base64.getEncoder()
                .encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }
}
