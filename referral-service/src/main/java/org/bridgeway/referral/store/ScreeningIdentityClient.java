package org.bridgeway.referral.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.bridgeway.referral.config.ReferralConfig;

/**
 * Calls screening-service's audited identity disclosure with referral-service's own credential. The
 * identity passes through to the caller and is never written anywhere here.
 */
@ApplicationScoped
public class ScreeningIdentityClient {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ReferralConfig.Screening config;
    private final HttpClient http;

    ScreeningIdentityClient(ReferralConfig config) {
        this.config = config.screening();
        this.http =
                HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    public record Identity(
            String studentRef,
            String sisStudentId,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            String schoolId,
            Integer grade) {}

    /** What screening-service answered: the identity on 200, else its status and problem detail. */
    public record Answer(int status, Identity identity, String detail) {}

    public Answer disclose(String boardId, String studentRef, String purpose, String referralId) {
        String url = config.url().replaceAll("/+$", "") + "/api/v1/screening/boards/" + segment(boardId) + "/students/"
                + segment(studentRef) + "/identity-disclosures";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.timeout())
                    .header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("purpose", purpose, "referralId", referralId))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return new Answer(200, JSON.readValue(response.body(), Identity.class), null);
            }
            return new Answer(response.statusCode(), null, detail(response.body()));
        } catch (IOException e) {
            return new Answer(503, null, "screening-service unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, null, "interrupted");
        }
    }

    private String token() throws IOException {
        if (config.tokenFile().isPresent()) {
            return Files.readString(Path.of(config.tokenFile().get())).trim();
        }
        return config.token()
                .orElseThrow(() -> new IOException("no credential for screening-service configured"
                        + " (bridgeway.referral.screening.token or token-file)"));
    }

    private static String detail(String body) {
        try {
            return JSON.readTree(body).path("detail").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
