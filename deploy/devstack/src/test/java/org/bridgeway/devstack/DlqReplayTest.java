package org.bridgeway.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./bridgeway dlq replay} against a real broker (this module sits below test-support, so it starts its
 * own): each dead-lettered CloudEvent goes back to its original topic exactly once per run, with its key, value
 * and ce_* headers; a second run replays nothing new; garbage is skipped.
 */
class DlqReplayTest {

    private static final String TOPIC = "referral.events";
    private static final String DLQ = TOPIC + ".dlq";

    private static Path home;
    private static KafkaBroker kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        home = Files.createTempDirectory("dlq-replay-kafka-");
        kafka = KafkaBroker.start(home, 0, "256m");
    }

    @AfterAll
    static void stopBroker() {
        kafka.stop();
        TempDirs.deleteQuietly(home);
    }

    @Test
    void eachDeadLetterIsReplayedOncePerRunAndASecondRunReplaysNothingNew() {
        String group = "replay-" + UUID.randomUUID();
        publish(DLQ, "student-a", "{\"a\":1}", deadLetter("id-a", Map.of("dead-letter-topic", TOPIC)));
        publish(DLQ, "student-b", "{\"b\":2}", deadLetter("id-b", Map.of())); // no origin header: the DLQ's name
        publish(DLQ, "garbage", "not a cloud event", Map.of("dead-letter-reason", "not a CloudEvent"));

        DlqReplay.Summary dry = replay(group, Optional.empty(), true);
        assertEquals(new DlqReplay.Summary(2, 1), dry);
        assertEquals(0, readToEnd(TOPIC).size(), "a dry run sends nothing");

        assertEquals(new DlqReplay.Summary(2, 1), replay(group, Optional.empty(), false));
        List<ConsumerRecord<String, String>> replayed = readToEnd(TOPIC);
        assertEquals(2, replayed.size());
        ConsumerRecord<String, String> a = replayed.stream()
                .filter(r -> "student-a".equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertEquals("{\"a\":1}", a.value());
        assertEquals("id-a", header(a, "ce_id"));
        assertEquals("org.bridgeway.referral.ReferralStatusChanged.v1", header(a, "ce_type"));
        for (Header h : a.headers()) {
            assertTrue(!h.key().startsWith("dead-letter-"), "dead-letter headers are dropped: " + h.key());
        }
        assertTrue(replayed.stream().anyMatch(r -> "student-b".equals(r.key()) && "id-b".equals(header(r, "ce_id"))));

        assertEquals(new DlqReplay.Summary(0, 0), replay(group, Optional.empty(), false));
        assertEquals(2, readToEnd(TOPIC).size(), "a second run replays nothing");

        publish(DLQ, "student-c", "{\"c\":3}", deadLetter("id-c", Map.of("dead-letter-topic", TOPIC)));
        assertEquals(new DlqReplay.Summary(1, 0), replay(group, Optional.empty(), false));
        assertEquals(3, readToEnd(TOPIC).size(), "only the new dead letter");

        String scratch = "scratch-" + UUID.randomUUID();
        assertEquals(new DlqReplay.Summary(3, 1), replay("other-" + UUID.randomUUID(), Optional.of(scratch), false));
        assertEquals(3, readToEnd(scratch).size(), "--to sends every dead letter to the scratch topic instead");
        assertEquals(3, readToEnd(TOPIC).size());
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsRead() {
        DlqReplayOptions options = DlqReplayOptions.parse(
                new String[] {"screening.events.dlq", "--dry-run", "--to", "scratch", "--group", "g"},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"));
        assertEquals("screening.events.dlq", options.dlq());
        assertEquals(Optional.of("scratch"), options.to());
        assertTrue(options.dryRun());
        assertEquals("broker:9092", options.bootstrapServers());
        assertEquals("g", options.group());
        assertEquals(
                DlqReplayOptions.DEVSTACK_KAFKA,
                DlqReplayOptions.parse(new String[] {"x.dlq"}, Map.of()).bootstrapServers());
        assertThrows(IllegalArgumentException.class, () -> DlqReplayOptions.parse(new String[] {}, Map.of()));
        assertThrows(
                IllegalArgumentException.class, () -> DlqReplayOptions.parse(new String[] {"x.dlq", "--to"}, Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> DlqReplayOptions.parse(new String[] {"x.dlq", "--to", "x.dlq"}, Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> DlqReplayOptions.parse(new String[] {"x.dlq", "--nope"}, Map.of()));
    }

    private static DlqReplay.Summary replay(String group, Optional<String> to, boolean dryRun) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DlqReplay.Summary summary = DlqReplay.run(
                new DlqReplayOptions(DLQ, to, dryRun, kafka.bootstrapServers(), group, new Properties()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(summary.replayed() + summary.skipped(), printed.lines().count(), printed);
        return summary;
    }

    private static Map<String, String> deadLetter(String id, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", "org.bridgeway.referral.ReferralStatusChanged.v1");
        headers.put("dead-letter-reason", "ReferralStatusChanged " + id + " lacks screeningId");
        headers.putAll(extra);
        return headers;
    }

    private static void publish(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("publish to " + topic + " failed", e);
        }
    }

    /** Every record of the topic up to its current end offsets; empty when the topic does not exist. */
    private static List<ConsumerRecord<String, String>> readToEnd(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            if (!consumer.listTopics(Duration.ofSeconds(10)).containsKey(topic)) {
                return records;
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
