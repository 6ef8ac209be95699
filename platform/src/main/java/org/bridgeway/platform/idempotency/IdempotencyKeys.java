package org.bridgeway.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.bridgeway.platform.problem.ApiException;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POSTs from integrations: the first answer (status, Location, body) is
 * kept per caller and key; a replay with the same body gets it again without repeating the work,
 * the same key with another body is 422.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    IdempotencyKeys(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Response execute(String caller, String key, Object request, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 200) {
            throw ApiException.invalidField(HEADER, "must be at most 200 characters");
        }
        String hash = hash(request);
        Response replay = QuarkusTransaction.requiringNew().call(() -> find(caller, key, hash));
        if (replay != null) {
            return replay;
        }
        Response response = action.get();
        if (response.getStatus() < 300) {
            QuarkusTransaction.requiringNew().run(() -> remember(caller, key, hash, response));
        }
        return response;
    }

    private Response find(String caller, String key, String hash) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT request_hash, status, location, body FROM idempotency_record WHERE caller = ? AND key = ?")) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!rs.getString("request_hash").equals(hash)) {
                    throw ApiException.unprocessable("Idempotency-Key " + key + " was already used with a different request body.");
                }
                Response.ResponseBuilder builder = Response.status(rs.getInt("status"))
                        .header("Idempotent-Replayed", "true");
                if (rs.getString("location") != null) {
                    builder.location(URI.create(rs.getString("location")));
                }
                if (rs.getString("body") != null) {
                    builder.entity(rs.getString("body")).type("application/json");
                }
                return builder.build();
            }
        }
    }

    private void remember(String caller, String key, String hash, Response response) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_record (caller, key, request_hash, status, location, body)"
                     + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, hash);
            insert.setInt(4, response.getStatus());
            insert.setString(5, response.getLocation() == null ? null : response.getLocation().toString());
            insert.setString(6, response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null);
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot remember idempotency key " + key, e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
