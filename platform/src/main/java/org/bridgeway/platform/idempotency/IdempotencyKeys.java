package org.bridgeway.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.bridgeway.platform.input.HostileText;
import org.bridgeway.platform.input.Refusals;
import org.bridgeway.platform.problem.ApiException;

/**
 * {@code Idempotency-Key} on POSTs from integrations: the first answer (status, Location, body) is
 * kept per caller, scope and key, where the scope is the method and the path (the route template with
 * its path parameters filled in); a replay with the same body on the same route gets it again without
 * repeating the work, the same key with another body is 422. The same key on another board's route is
 * a different request, never a replay of the first board's answer.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final CurrentVertxRequest currentRequest;

    IdempotencyKeys(AgroalDataSource dataSource, ObjectMapper json, CurrentVertxRequest currentRequest) {
        this.dataSource = dataSource;
        this.json = json;
        this.currentRequest = currentRequest;
    }

    /** As {@link #execute(String, String, String, Object, Supplier)}, scoped to the request being served. */
    public Response execute(String caller, String key, Object request, Supplier<Response> action) {
        RoutingContext ctx = currentRequest.getCurrent();
        return execute(caller, ctx.request().method().name() + " " + ctx.normalizedPath(), key, request, action);
    }

    public Response execute(String caller, String scope, String key, Object request, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 200) {
            throw ApiException.invalidField(HEADER, "must be at most 200 characters");
        }
        if (HostileText.hasControlCharacter(key)) {
            throw ApiException.invalidField(HEADER, Refusals.CONTROL_CHARACTERS);
        }
        String hash = hash(request);
        Response replay = QuarkusTransaction.requiringNew().call(() -> find(caller, scope, key, hash));
        if (replay != null) {
            return replay;
        }
        Response response = action.get();
        if (response.getStatus() < 300) {
            try {
                QuarkusTransaction.requiringNew().run(() -> remember(caller, scope, key, hash, response));
            } catch (RuntimeException e) {
                // The work is done and committed: the caller gets its answer; only a later replay would repeat it.
                Log.warnf(e, "could not remember Idempotency-Key for %s %s", caller, scope);
            }
        }
        return response;
    }

    private Response find(String caller, String scope, String key, String hash) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT request_hash, status, location, body FROM idempotency_record"
                                + " WHERE caller = ? AND scope = ? AND key = ?")) {
            select.setString(1, caller);
            select.setString(2, scope);
            select.setString(3, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!rs.getString("request_hash").equals(hash)) {
                    throw ApiException.unprocessable(
                            "This Idempotency-Key was already used with a different request body.");
                }
                Response.ResponseBuilder builder =
                        Response.status(rs.getInt("status")).header("Idempotent-Replayed", "true");
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

    private void remember(String caller, String scope, String key, String hash, Response response) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO idempotency_record (caller, scope, key, request_hash, status,"
                                + " location, body) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, caller);
            insert.setString(2, scope);
            insert.setString(3, key);
            insert.setString(4, hash);
            insert.setInt(5, response.getStatus());
            insert.setString(
                    6,
                    response.getLocation() == null
                            ? null
                            : response.getLocation().toString());
            insert.setString(7, response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null);
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
