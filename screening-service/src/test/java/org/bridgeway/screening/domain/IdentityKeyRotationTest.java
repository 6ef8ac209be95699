package org.bridgeway.screening.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bridgeway.screening.Db;
import org.bridgeway.screening.Fixtures;
import org.bridgeway.screening.store.StoredIdentities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The documented rotation of the identity encryption key, against the real database: the suite runs with
 * a new active key (id 1) and the original one (id 0) as a previous key; identities stored under the
 * original key are read, sealed again under the new one by the background re-encryption, and are then
 * readable with the new key alone, so the original can be removed.
 */
@QuarkusTest
@TestProfile(IdentityKeyRotationTest.Rotated.class)
class IdentityKeyRotationTest {

    /** The test profile's identity keys (application.properties). */
    static final String ORIGINAL = "dGVzdC1vbmx5LWtleS1kby1ub3QtdXNlLTMyYnl0ZXM=";

    static final String REF = "dGVzdC1vbmx5LXJlZi1rZXktZG8tbm90LXVzZS0zMmI=";
    static final String ROTATED = Base64.getEncoder().encodeToString("rotated-identity-key-for-tests!!".getBytes());

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "bridgeway.identity.encryption-key",
                    ROTATED,
                    "bridgeway.identity.encryption-key-id",
                    "1",
                    "bridgeway.identity.previous-encryption-keys.\"0\"",
                    ORIGINAL,
                    "bridgeway.identity.reencryption-delay",
                    "1h");
        }
    }

    @Inject
    IdentityVault vault;

    @Inject
    IdentityReencryption reencryption;

    @Inject
    StoredIdentities stored;

    @Test
    void identitiesUnderTheOriginalKeyAreSealedAgainUnderTheNewOneAndReadableWithItAlone() throws Exception {
        String board = Fixtures.board();
        List<Fixtures.Student> students = Fixtures.enrol(board, "s1", 9, 3);
        IdentityVault original = new IdentityVault(ORIGINAL, REF);
        for (Fixtures.Student s : students) {
            String plaintext = vault.decrypt(s.studentRef(), identity(s.studentRef()));
            Db.update(
                    "UPDATE student SET identity = ? WHERE student_ref = ?",
                    original.encrypt(s.studentRef(), plaintext),
                    s.studentRef());
        }

        IdentityReencryption.Pass pass = reencryption.run();

        assertTrue(pass.reencrypted() >= students.size(), "rewrote " + pass);
        IdentityVault rotatedOnly = new IdentityVault(new IdentityKeyRing(1, Map.of(1, ROTATED)), REF);
        for (Fixtures.Student s : students) {
            byte[] identity = identity(s.studentRef());
            assertEquals(IdentityKeyRing.MARKER, identity[0]);
            assertEquals(1, identity[1]);
            assertTrue(rotatedOnly.decrypt(s.studentRef(), identity).contains(s.familyName()));
        }
        assertEquals(0, reencryption.run().reencrypted(), "a second pass finds nothing under the original key");
    }

    /** Other test classes share this database and run with the original key: seal everything back under it. */
    @AfterEach
    void backToTheOriginalKey() {
        new IdentityReencryption(
                        new IdentityVault(new IdentityKeyRing(0, Map.of(0, ORIGINAL, 1, ROTATED)), REF), stored)
                .run();
    }

    private static byte[] identity(String studentRef) throws Exception {
        try (Connection c = Db.connect();
                PreparedStatement select = c.prepareStatement("SELECT identity FROM student WHERE student_ref = ?")) {
            select.setString(1, studentRef);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }
}
