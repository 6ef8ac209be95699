package org.bridgeway.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bridgeway.gateway.config.GatewayConfig;
import org.bridgeway.gateway.routing.Route;
import org.bridgeway.platform.problem.Problems;

/**
 * Serves the merged document at /q/openapi (YAML, or JSON with {@code ?format=json} or an Accept
 * of application/json), built from the live services' own documents so it cannot drift from them.
 * The last good document of each service is kept, so the docs stay up while one service restarts.
 */
@ApplicationScoped
public class MergedOpenApi {

    private final GatewayConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final YAMLMapper yaml = new YAMLMapper();
    private final Map<Route, JsonNode> lastGood = new ConcurrentHashMap<>();
    private WebClient client;

    MergedOpenApi(GatewayConfig config) {
        this.config = config;
    }

    void register(@Observes Router router, Vertx vertx) {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(1000));
        router.get("/q/openapi").order(-50).handler(this::serve);
    }

    void serve(RoutingContext ctx) {
        List<Future<Void>> fetches = new ArrayList<>();
        for (Route route : Route.values()) {
            fetches.add(client.getAbs(route.upstream(config).url() + "/q/openapi?format=json")
                    .timeout(3000)
                    .send()
                    .map(response -> {
                        if (response.statusCode() == 200) {
                            try {
                                lastGood.put(route, json.readTree(response.bodyAsString()));
                            } catch (Exception e) {
                                Log.warnf("unreadable OpenAPI document from %s", route.service());
                            }
                        }
                        return (Void) null;
                    })
                    .recover(e -> Future.succeededFuture()));
        }
        Future.join(fetches).onComplete(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (Route route : Route.values()) {
                JsonNode document = lastGood.get(route);
                if (document == null) {
                    missing.add(route.service());
                } else {
                    documents.put(route.service(), document);
                }
            }
            if (!missing.isEmpty()) {
                Problems.send(ctx, 503, "No OpenAPI document yet from " + missing + ".");
                return;
            }
            try {
                JsonNode merged = OpenApiMerger.merge(documents);
                boolean asJson = "json".equalsIgnoreCase(ctx.request().getParam("format"))
                        || String.valueOf(ctx.request().getHeader("Accept")).contains("application/json");
                ctx.response()
                        .putHeader("Content-Type", asJson ? "application/json" : "application/yaml")
                        .end(
                                asJson
                                        ? json.writerWithDefaultPrettyPrinter().writeValueAsString(merged)
                                        : yaml.writeValueAsString(merged));
            } catch (Exception e) {
                Log.errorf(e, "merging OpenAPI documents failed");
                Problems.send(ctx, 500, "The merged OpenAPI document could not be built: " + e.getMessage());
            }
        });
    }
}
