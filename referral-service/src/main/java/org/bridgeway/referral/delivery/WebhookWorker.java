package org.bridgeway.referral.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeway.referral.config.WebhookConfig;
import org.bridgeway.referral.domain.webhook.WebhookDispatch;

/**
 * Delivers queued webhooks on its own threads (never the event loop). Each tick starts one drain when none is
 * running; a drain that found work starts another, up to {@code concurrency}, so an idle replica asks the
 * database once per tick and a busy one sends to several subscriptions side by side (one in flight each).
 */
@ApplicationScoped
public class WebhookWorker {

    private final WebhookDispatch dispatch;
    private final WebhookConfig config;
    private final AtomicInteger draining = new AtomicInteger();
    private volatile ExecutorService threads;

    WebhookWorker(WebhookDispatch dispatch, WebhookConfig config) {
        this.dispatch = dispatch;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (threads == null) {
            AtomicInteger n = new AtomicInteger();
            threads = Executors.newFixedThreadPool(config.concurrency(), task -> {
                Thread t = new Thread(task, "webhook-delivery-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Lets the attempts in flight finish (they are recorded), then stops; queued deliveries wait in the table. */
    public synchronized void stop() {
        ExecutorService stopping = threads;
        threads = null;
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            long wait = config.connectTimeout()
                    .plus(config.requestTimeout())
                    .plusSeconds(5)
                    .toMillis();
            if (!stopping.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Scheduled(
            every = "${bridgeway.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (draining.get() == 0) {
            startDrain();
        }
    }

    @Scheduled(every = "10m", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        try {
            dispatch.purge();
        } catch (RuntimeException e) {
            Log.warnf("webhook log purge: %s; retried at the next one", e.getMessage());
        }
    }

    private void startDrain() {
        ExecutorService pool = threads;
        if (pool == null) {
            return;
        }
        if (draining.incrementAndGet() > config.concurrency()) {
            draining.decrementAndGet();
            return;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException stopped) {
            draining.decrementAndGet();
        }
    }

    private void drain() {
        try {
            while (threads != null && dispatch.deliverNext()) {
                startDrain();
            }
        } catch (RuntimeException e) {
            Log.warnf("webhook delivery: %s; the delivery stays queued and is retried", e.getMessage());
        } finally {
            draining.decrementAndGet();
        }
    }
}
