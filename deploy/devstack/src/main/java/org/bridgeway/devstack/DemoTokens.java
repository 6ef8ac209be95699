package org.bridgeway.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs RS256 bearer tokens for the devstack and the tests with a local key pair. Production uses
 * any OIDC provider's JWKS instead; the claims are the ones the services read (DESIGN.md §7):
 * {@code groups} (roles), {@code board}, {@code schools} and {@code org}.
 */
public final class DemoTokens {

    public static final String ISSUER = "https://bridgeway.local/demo";
    /** The audience the services and the gateway accept ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "bridgeway";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DemoTokens(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair held in memory only. */
    public static DemoTokens generate() {
        KeyPair pair = newKeyPair();
        return new DemoTokens(pair.getPrivate(), pair.getPublic());
    }

    /** Loads the key pair under {@code directory}, generating it on first use. */
    public static DemoTokens loadOrCreate(Path directory) throws IOException {
        Path privatePem = directory.resolve("jwt-private.pem");
        Path publicPem = directory.resolve("jwt-public.pem");
        try {
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new DemoTokens(
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(privatePem)))),
                        rsa.generatePublic(new X509EncodedKeySpec(pemBody(Files.readString(publicPem)))));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable key pair under " + directory, e);
        }
        Files.createDirectories(directory);
        DemoTokens tokens = generate();
        Files.writeString(privatePem, pem("PRIVATE KEY", tokens.privateKey.getEncoded()));
        Files.writeString(publicPem, tokens.publicKeyPem());
        return tokens;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The public key as smallrye-jwt takes it inline in {@code mp.jwt.verify.publickey}. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public Builder token(String subject) {
        return new Builder(subject);
    }

    public final class Builder {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Duration lifetime = Duration.ofHours(12);

        private Builder(String subject) {
            claims.put("iss", ISSUER);
            claims.put("aud", AUDIENCE);
            claims.put("sub", subject);
            claims.put("upn", subject);
        }

        public Builder audience(String audience) {
            claims.put("aud", audience);
            return this;
        }

        /**
         * Any claim as it is, a string, number or list, so tests can sign tokens of an unexpected
         * shape; a {@code null} value removes the claim.
         */
        public Builder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public Builder roles(String... roles) {
            claims.put("groups", List.of(roles));
            return this;
        }

        public Builder board(String boardId) {
            claims.put("board", boardId);
            return this;
        }

        public Builder schools(String... schoolIds) {
            claims.put("schools", List.of(schoolIds));
            return this;
        }

        public Builder org(String organizationId) {
            claims.put("org", organizationId);
            return this;
        }

        public Builder issuer(String issuer) {
            claims.put("iss", issuer);
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            Instant now = Instant.now();
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(lifetime).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
            String payload = base64Url(json(claims));
            String signingInput = header + "." + payload;
            try {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(privateKey);
                signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "."
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String json(Map<String, Object> claims) {
        return claims.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + jsonValue(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String jsonValue(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(DemoTokens::jsonValue).collect(Collectors.joining(",", "[", "]"));
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }
}
