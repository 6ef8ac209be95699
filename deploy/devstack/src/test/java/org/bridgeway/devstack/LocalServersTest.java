package org.bridgeway.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The servers everything else runs on: real PostgreSQL and a real Kafka broker that can be bounced. */
class LocalServersTest {

    @Test
    void postgresServesOneDatabasePerServiceAndKeepsData(@TempDir Path data) throws Exception {
        int port;
        try (PostgresServer postgres = PostgresServer.start(data, 0)) {
            port = postgres.port();
            postgres.ensureDatabase("screening");
            postgres.ensureDatabase("screening"); // idempotent
            try (Connection c = DriverManager.getConnection(
                            postgres.jdbcUrl("screening"), PostgresServer.USER, PostgresServer.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v int)");
                s.execute("INSERT INTO kept VALUES (42)");
            }
        }
        assertFalse(Ports.listening(port), "PostgreSQL stopped");
        try (PostgresServer postgres = PostgresServer.start(data, 0);
                Connection c = DriverManager.getConnection(
                        postgres.jdbcUrl("screening"), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void kafkaStartsStopsAndRestartsOnTheSamePort(@TempDir Path home) throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(home, 0, "256m")) {
            assertTrue(kafka.running());
            assertTrue(Ports.listening(kafka.port()));
            kafka.stop();
            assertFalse(kafka.running());
            assertFalse(Ports.listening(kafka.port()));
            kafka.start();
            assertTrue(Ports.listening(kafka.port()));
        }
    }

    @Test
    void demoTokensAreVerifiableRs256() throws Exception {
        DemoTokens tokens = DemoTokens.generate();
        String jwt = tokens.token("alice")
                .roles("sis")
                .board("b1")
                .schools("s1", "s2")
                .sign();
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertTrue(payload.contains("\"groups\":[\"sis\"]"), payload);
        assertTrue(payload.contains("\"schools\":[\"s1\",\"s2\"]"), payload);
        java.security.Signature verify = java.security.Signature.getInstance("SHA256withRSA");
        verify.initVerify(java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(
                        java.util.Base64.getDecoder().decode(tokens.publicKeyBase64()))));
        verify.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(verify.verify(java.util.Base64.getUrlDecoder().decode(parts[2])));
    }
}
