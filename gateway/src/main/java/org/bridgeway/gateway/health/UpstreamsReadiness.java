package org.bridgeway.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.bridgeway.gateway.config.GatewayConfig;
import org.bridgeway.gateway.routing.Route;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when every upstream says it is ready; each upstream is listed with its state. */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private final GatewayConfig upstreams;
    private final WebClient client;

    UpstreamsReadiness(GatewayConfig upstreams, Vertx vertx) {
        this.upstreams = upstreams;
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(1000));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Boolean>> checks = new ArrayList<>();
        for (Route route : Route.values()) {
            var url = route.upstream(upstreams).url();
            checks.add(Uni.createFrom()
                    .completionStage(() -> client.getAbs(url + "/q/health/ready")
                            .timeout(2000)
                            .send()
                            .toCompletionStage())
                    .map(response -> response.statusCode() == 200)
                    .onFailure()
                    .recoverWithItem(false));
        }
        return Uni.join().all(checks).andFailFast().map(results -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams");
            boolean all = true;
            for (int i = 0; i < results.size(); i++) {
                builder.withData(Route.values()[i].service(), results.get(i) ? "UP" : "DOWN");
                all &= results.get(i);
            }
            return builder.status(all).build();
        });
    }
}
