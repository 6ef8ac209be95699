package org.bridgeway.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bridgeway.events.CloudEvents;
import org.bridgeway.events.EventJson;
import org.bridgeway.events.EventType;

/**
 * A plain Kafka client for tests against the JVM's real broker: read what a service published, publish what
 * another service would (CloudEvents in binary mode, as the outbox relay writes them). Topic names come from
 * {@link org.bridgeway.events.Topics}.
 */
public final class TestKafka {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestKafka() {}

    /** Reads the topic from the beginning until {@code done} holds for what was read, or the timeout. */
    public static List<ConsumerRecord<String, String>> readUntil(
            String topic, Duration timeout, Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !done.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Every record of the topic up to its end offsets as they are now: once the producer had its acks, what this
     * returns is complete, so a count over it is exact (no loss, no duplicate).
     */
    public static List<ConsumerRecord<String, String>> readToEnd(String topic) {
        return readToEnd(TestInfra.kafka().bootstrapServers(), topic);
    }

    /** {@link #readToEnd(String)} on another broker (the system tests' packaged suite). */
    public static List<ConsumerRecord<String, String>> readToEnd(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    /** The topic's records whose CloudEvents subject is one of {@code subjects}. */
    public static List<ConsumerRecord<String, String>> withSubjects(String topic, Set<String> subjects) {
        return readToEnd(topic).stream()
                .filter(r -> subjects.contains(header(r, CloudEvents.HEADER_SUBJECT)))
                .toList();
    }

    /** Waits until the topic holds a record matching {@code match}, and returns every match read by then. */
    public static List<ConsumerRecord<String, String>> awaitRecords(
            String topic, Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> records =
                readUntil(topic, Duration.ofSeconds(60), read -> read.stream().anyMatch(match));
        List<ConsumerRecord<String, String>> matches =
                records.stream().filter(match).toList();
        if (matches.isEmpty()) {
            throw new AssertionError("no matching record on " + topic + " within 60 s");
        }
        return matches;
    }

    /** How many records there are per CloudEvents subject. */
    public static Map<String, Long> countBySubject(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .collect(Collectors.groupingBy(r -> header(r, CloudEvents.HEADER_SUBJECT), Collectors.counting()));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** All headers as text, to search them for data that must not be there. */
    public static String headersText(ConsumerRecord<String, String> record) {
        StringBuilder text = new StringBuilder();
        for (Header h : record.headers()) {
            text.append(h.key())
                    .append('=')
                    .append(new String(h.value(), StandardCharsets.UTF_8))
                    .append('\n');
        }
        return text.toString();
    }

    /** The CloudEvent's data as a JSON tree. */
    public static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new AssertionError("event data is not JSON: " + record.value(), e);
        }
    }

    /** Every field name anywhere in the JSON, nested objects and arrays included. */
    public static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        collectFieldNames(node, names);
        return names;
    }

    private static void collectFieldNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                names.add(field.getKey());
                collectFieldNames(field.getValue(), names);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectFieldNames(child, names));
        }
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Publishes a CloudEvent as another service's outbox relay would (binary mode, on the topic its type belongs
     * to); returns its id.
     */
    public static String publishEvent(String id, String key, Object payload) {
        EventType type = EventType.of(payload.getClass());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        headers.put(CloudEvents.HEADER_ID, id);
        headers.put(CloudEvents.HEADER_SOURCE, type.source());
        headers.put(CloudEvents.HEADER_TYPE, type.type());
        headers.put(CloudEvents.HEADER_TIME, Instant.now().toString());
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        publish(type.topic(), key, EventJson.write(payload), headers);
        return id;
    }

    /** Publishes one record with the given headers and waits for the broker's acknowledgement. */
    public static void publish(String topic, String key, String value, Map<String, String> headers) {
        publish(TestInfra.kafka().bootstrapServers(), topic, key, value, headers);
    }

    /** {@link #publish(String, String, String, Map)} on another broker (the system tests' packaged suite). */
    public static void publish(
            String bootstrapServers, String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach(
                    (name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("publish to " + topic + " failed", e);
        }
    }
}
