package org.bridgeway.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code ./bridgeway dlq replay} was asked to do.
 *
 * @param clientConfig extra Kafka client settings (TLS, SASL) from {@code --command-config}, as the Kafka tools take
 */
public record DlqReplayOptions(
        String dlq,
        Optional<String> to,
        boolean dryRun,
        String bootstrapServers,
        String group,
        Properties clientConfig) {

    public static final String DEFAULT_GROUP = "bridgeway-dlq-replay";
    static final String DEVSTACK_KAFKA = "localhost:19092";

    static final String USAGE = String.join(
            "\n",
            "Usage: ./bridgeway dlq replay <topic>.dlq [--to <topic>] [--dry-run] [--bootstrap-servers <host:port>]",
            "                              [--group <consumer group>] [--command-config <client.properties>]",
            "  Republishes each dead-lettered record (original key, value and ce_* headers) to its original topic,",
            "  from where the replay group last stopped; commits after each send. Default broker: $KAFKA_BOOTSTRAP_SERVERS,",
            "  else the devstack's " + DEVSTACK_KAFKA + "; default group: " + DEFAULT_GROUP + ".");

    public DlqReplayOptions {
        if (to.isPresent() && to.get().equals(dlq)) {
            throw new IllegalArgumentException("--to must not be the dead-letter topic itself");
        }
    }

    /** @throws IllegalArgumentException with what is wrong, for the usage text */
    public static DlqReplayOptions parse(String[] args, Map<String, String> env) {
        String dlq = null;
        String to = null;
        boolean dryRun = false;
        String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", DEVSTACK_KAFKA);
        String group = DEFAULT_GROUP;
        Properties clientConfig = new Properties();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> to = value(args, ++i, "--to");
                case "--dry-run" -> dryRun = true;
                case "--bootstrap-servers" -> bootstrap = value(args, ++i, "--bootstrap-servers");
                case "--group" -> group = value(args, ++i, "--group");
                case "--command-config" -> clientConfig = load(Path.of(value(args, ++i, "--command-config")));
                default -> {
                    if (args[i].startsWith("-") || dlq != null) {
                        throw new IllegalArgumentException("unexpected argument " + args[i]);
                    }
                    dlq = args[i];
                }
            }
        }
        if (dlq == null || dlq.isBlank()) {
            throw new IllegalArgumentException("which dead-letter topic? (e.g. screening.events.dlq)");
        }
        return new DlqReplayOptions(dlq, Optional.ofNullable(to), dryRun, bootstrap, group, clientConfig);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Properties load(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
            return props;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
