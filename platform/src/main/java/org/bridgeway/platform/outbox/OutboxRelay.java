package org.bridgeway.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bridgeway.events.CloudEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents (binary mode) with an idempotent,
 * {@code acks=all} producer, and marks them published only once the broker acknowledged them.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas can relay side by side;
 * if Kafka is down the rows simply stay and are sent when it is back (at-least-once; consumers
 * deduplicate by {@code ce_id}).
 *
 * <p>A thread of its own relays right after each commit that wrote outbox rows ({@link RelayWakeUp}),
 * and polls every {@code bridgeway.outbox.poll-interval} for rows no wake-up announced (another
 * replica's, or those left by a failed pass). Not Quarkus's scheduler: its simple scheduler checks
 * jobs only once a second.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String CLAIM =
            "SELECT seq, id, topic, event_key, type, source, subject, payload, created_at, traceparent"
                    + " FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED";

    private final AgroalDataSource dataSource;
    private final RelayWakeUp wakeUp;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    private final Duration pollInterval;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    /** When the backlog was last counted; while the database cannot be reached the counts are unknown, not the last ones. */
    private final AtomicLong measuredAtMillis = new AtomicLong(System.currentTimeMillis());

    private volatile boolean measured;
    private volatile KafkaProducer<String, String> producer;
    private volatile Thread relayThread;

    OutboxRelay(
            AgroalDataSource dataSource,
            RelayWakeUp wakeUp,
            MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "bridgeway.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "bridgeway.outbox.poll-interval", defaultValue = "1s") Duration pollInterval) {
        this.dataSource = dataSource;
        this.wakeUp = wakeUp;
        this.kafkaConfig = kafkaConfig;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.published = Counter.builder("bridgeway.outbox.published")
                .description("events published from the outbox")
                .register(registry);
        Gauge.builder("bridgeway.outbox.pending", pending, p -> measured ? p.get() : Double.NaN)
                .description("outbox events not yet published; NaN while they cannot be counted")
                .register(registry);
        Gauge.builder("bridgeway.outbox.lag.seconds", oldestPendingSeconds, p -> measured ? p.get() : Double.NaN)
                .description("age of the oldest unpublished outbox event; NaN while it cannot be measured")
                .register(registry);
        Gauge.builder(
                        "bridgeway.outbox.metrics.age.seconds",
                        measuredAtMillis,
                        at -> (System.currentTimeMillis() - at.get()) / 1000.0)
                .description("seconds since the outbox backlog was last counted (grows while the database is down)")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::relayLoop, "outbox-relay");
        thread.setDaemon(true);
        relayThread = thread;
        thread.start();
    }

    private void relayLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                wakeUp.await(pollInterval);
                if (!relay()) {
                    // the broker or the database is away: retry at the poll's pace, not on every commit
                    Thread.sleep(pollInterval.toMillis());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes every committed row; false when a pass failed (the rows stay and are retried). */
    boolean relay() {
        try {
            Pass pass;
            do {
                pass = QuarkusTransaction.requiringNew().timeout(60).call(this::publishBatch);
                if (pass.failure() != null) {
                    throw pass.failure();
                }
            } while (pass.published() == batchSize);
            return true;
        } catch (RuntimeException e) {
            Log.warnf("outbox relay: %s; the events stay in the outbox and are retried", rootMessage(e));
            closeProducer();
            return false;
        }
    }

    @Scheduled(
            every = "${bridgeway.outbox.metrics-interval:5s}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)"
                                + " FROM outbox_event WHERE published_at IS NULL")) {
            rs.next();
            pending.set(rs.getLong(1));
            oldestPendingSeconds.set(rs.getLong(2));
            measuredAtMillis.set(System.currentTimeMillis());
            measured = true;
        } catch (SQLException e) {
            measured = false;
            Log.debugf("outbox metrics: %s", e.getMessage());
        }
    }

    @Scheduled(every = "1h", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM outbox_event WHERE published_at < now() - interval '7 days'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** What one pass published, and the failure that cut it short, if any; what was published is marked either way. */
    private record Pass(int published, RuntimeException failure) {}

    private Pass publishBatch() throws Exception {
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, batchSize);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(
                            rs.getString("topic"), rs.getString("event_key"), rs.getString("payload"));
                    header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
                    header(record, CloudEvents.HEADER_ID, rs.getString("id"));
                    header(record, CloudEvents.HEADER_SOURCE, rs.getString("source"));
                    header(record, CloudEvents.HEADER_TYPE, rs.getString("type"));
                    header(
                            record,
                            CloudEvents.HEADER_TIME,
                            DateTimeFormatter.ISO_INSTANT.format(
                                    rs.getTimestamp("created_at").toInstant()));
                    if (rs.getString("subject") != null) {
                        header(record, CloudEvents.HEADER_SUBJECT, rs.getString("subject"));
                    }
                    header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
                    String traceparent = rs.getString("traceparent");
                    if (traceparent != null) {
                        header(record, TraceParent.HEADER, traceparent);
                        header(record, TraceParent.CLOUDEVENTS_HEADER, traceparent);
                    }
                    Future<RecordMetadata> ack = producer().send(record);
                    acks.add(ack);
                    ids.add(rs.getObject("id", UUID.class));
                    if (failedAlready(ack)) {
                        // e.g. no metadata within max.block.ms (broker down or just restarted): rows sent after this
                        // one would overtake it, so the rest waits for the next pass
                        break;
                    }
                }
            }
            if (ids.isEmpty()) {
                return new Pass(0, null);
            }
            producer().flush();
            List<UUID> acknowledged = new ArrayList<>();
            RuntimeException failure = null;
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(30, TimeUnit.SECONDS);
                    acknowledged.add(ids.get(i));
                } catch (ExecutionException | TimeoutException e) {
                    if (failure == null) {
                        failure = new IllegalStateException(
                                "outbox event " + ids.get(i) + " not published",
                                e instanceof ExecutionException ? e.getCause() : e);
                    }
                }
            }
            // Every row the broker acknowledged is marked, even when another row of the pass failed: leaving it
            // unmarked would publish it a second time on the next pass.
            if (!acknowledged.isEmpty()) {
                // The mark need not wait for its WAL flush: lost in a database crash, it only means these events
                // are published again, and every consumer is idempotent. With synchronous_commit=on each submit
                // otherwise waited on two flushes, its own and this one (at 500 req/s most active backends were in
                // WalSync or WALWrite).
                try (Statement asynchronous = connection.createStatement()) {
                    asynchronous.execute("SET LOCAL synchronous_commit TO OFF");
                }
                try (PreparedStatement mark = connection.prepareStatement(
                        "UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)")) {
                    mark.setArray(1, connection.createArrayOf("uuid", acknowledged.toArray()));
                    mark.executeUpdate();
                }
                published.increment(acknowledged.size());
            }
            return new Pass(acknowledged.size(), failure);
        }
    }

    private static boolean failedAlready(Future<RecordMetadata> ack) throws InterruptedException {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    RelayProducerSettings.of(kafkaConfig), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        Thread thread = relayThread;
        relayThread = null;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        closeProducer();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
