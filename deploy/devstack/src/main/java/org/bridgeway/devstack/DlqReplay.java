package org.bridgeway.devstack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./bridgeway dlq replay}: republishes the records of a dead-letter topic to their original topic, with
 * their original key, value and headers (the {@code dead-letter-*} ones dropped). It reads from the replay
 * group's committed position up to the end offsets seen at the start, so a record dead-lettered again during
 * the run waits for the next run, and commits after each send: a run replays each record once, and a second
 * run replays nothing new. A crash between a send and its commit replays that one record again next time,
 * which the consumers' idempotent inbox absorbs. Records that are not CloudEvents (no {@code ce_id} or
 * {@code ce_type}) would only be dead-lettered again: they are skipped, and counted.
 */
public final class DlqReplay {

    static final String ORIGINAL_TOPIC = "dead-letter-topic";
    static final String DEAD_LETTER_PREFIX = "dead-letter-";
    private static final List<String> CLOUD_EVENT_HEADERS = List.of("ce_id", "ce_type");
    private static final Duration STALLED = Duration.ofSeconds(60);

    /** What a run did. */
    public record Summary(long replayed, long skipped) {}

    private DlqReplay() {}

    public static void main(String[] args) {
        DlqReplayOptions options;
        try {
            options = DlqReplayOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("dlq replay: " + e.getMessage());
            System.err.println(DlqReplayOptions.USAGE);
            System.exit(2);
            return;
        }
        Summary summary = run(options, System.out);
        System.out.printf(
                "%s %d, skipped %d (from %s, group %s)%n",
                options.dryRun() ? "dry run: would replay" : "replayed",
                summary.replayed(),
                summary.skipped(),
                options.dlq(),
                options.group());
    }

    public static Summary run(DlqReplayOptions options, PrintStream out) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        consumerConfig(options), new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        producerConfig(options), new ByteArraySerializer(), new ByteArraySerializer())) {
            Map<TopicPartition, Long> end = startFromCommitted(consumer, options.dlq());
            long replayed = 0;
            long skipped = 0;
            Instant lastProgress = Instant.now();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (Duration.between(lastProgress, Instant.now()).compareTo(STALLED) > 0) {
                    throw new IllegalStateException("no progress reading " + options.dlq() + " for " + STALLED);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    lastProgress = Instant.now();
                    if (replayOne(record, options, producer, out)) {
                        replayed++;
                    } else {
                        skipped++;
                    }
                    if (!options.dryRun()) {
                        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                    }
                }
            }
            return new Summary(replayed, skipped);
        }
    }

    /** @return true when the record was (or, on a dry run, would be) replayed, false when it is skipped */
    private static boolean replayOne(
            ConsumerRecord<byte[], byte[]> record,
            DlqReplayOptions options,
            KafkaProducer<byte[], byte[]> producer,
            PrintStream out) {
        String skip = whySkip(record);
        String target = skip == null ? target(record, options) : null;
        if (skip == null && target == null) {
            skip = "no original topic (give --to)";
        }
        out.printf(
                "%s %s-%d@%d key=%s ce_id=%s%s%n",
                skip != null ? "skip" : options.dryRun() ? "would replay" : "replay",
                record.topic(),
                record.partition(),
                record.offset(),
                text(record.key()),
                header(record, "ce_id"),
                skip != null ? ": " + skip : " -> " + target);
        if (skip == null && !options.dryRun()) {
            send(producer, record, target);
        }
        return skip == null;
    }

    /** Assigns every partition of the DLQ at the group's committed offset (the beginning if none); returns the ends. */
    private static Map<TopicPartition, Long> startFromCommitted(KafkaConsumer<byte[], byte[]> consumer, String dlq) {
        List<TopicPartition> partitions = consumer.partitionsFor(dlq, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(dlq, p.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("no topic " + dlq);
        }
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed =
                consumer.committed(Set.copyOf(partitions), Duration.ofSeconds(30));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = committed.get(partition);
            if (at == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, at.offset());
            }
        }
        return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
    }

    private static String whySkip(ConsumerRecord<byte[], byte[]> record) {
        for (String name : CLOUD_EVENT_HEADERS) {
            if (header(record, name) == null) {
                return "not a CloudEvent (no " + name + "): replaying it would only dead-letter it again";
            }
        }
        return null;
    }

    /** {@code --to}, else the topic the dead-letter headers name, else the DLQ's name without {@code .dlq}. */
    static String target(ConsumerRecord<byte[], byte[]> record, DlqReplayOptions options) {
        if (options.to().isPresent()) {
            return options.to().get();
        }
        String original = header(record, ORIGINAL_TOPIC);
        if (original != null && !original.isBlank()) {
            return original;
        }
        String dlq = record.topic();
        return dlq.endsWith(".dlq") ? dlq.substring(0, dlq.length() - ".dlq".length()) : null;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record, String to) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            if (!h.key().startsWith(DEAD_LETTER_PREFIX)) {
                headers.add(h);
            }
        }
        try {
            producer.send(new ProducerRecord<>(to, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying to " + to, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the replayed record: " + e.getMessage(), e);
        }
    }

    private static Properties consumerConfig(DlqReplayOptions options) {
        Properties props = new Properties();
        props.putAll(options.clientConfig());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private static Properties producerConfig(DlqReplayOptions options) {
        Properties props = new Properties();
        props.putAll(options.clientConfig());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
