package org.bridgeway.referral.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.bridgeway.referral.config.WebhookConfig;

/**
 * POSTs a signed webhook to a partner's endpoint with short timeouts, on the caller's (worker) thread. Redirects
 * are not followed (the integrator should update the URL); the response body is read and dropped.
 */
@ApplicationScoped
public class WebhookEndpointClient {

    private final HttpClient http;
    private final Duration requestTimeout;

    WebhookEndpointClient(WebhookConfig config) {
        this.requestTimeout = config.requestTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The status the endpoint answered, or why none came ({@code status} null). */
    public record Answer(Integer status, String error, Duration took) {

        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public Answer post(String url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(requestTimeout)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), null, since(started));
        } catch (HttpTimeoutException e) {
            return new Answer(null, "timed out: " + e.getMessage(), since(started));
        } catch (IOException e) {
            return new Answer(null, e.getClass().getSimpleName() + ": " + e.getMessage(), since(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted", since(started));
        } catch (IllegalArgumentException e) {
            return new Answer(null, "not a usable URL: " + e.getMessage(), since(started));
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
