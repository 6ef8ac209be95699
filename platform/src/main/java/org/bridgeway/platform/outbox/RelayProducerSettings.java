package org.bridgeway.platform.outbox;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The relay's producer settings: where and how to connect (bootstrap servers, {@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}) come from the {@code kafka.*} keys the consumers use too, so TLS or SASL is
 * configured once; how the relay delivers (acks from every replica, idempotence, its timeouts) is not
 * negotiable, because the outbox marks a row published only on an acknowledgement it can trust. The dead
 * letters' producer uses the same settings under its own client id, for the same reason.
 */
public final class RelayProducerSettings {

    static final String CLIENT_ID = "outbox-relay";

    private RelayProducerSettings() {}

    /** @param shared the {@code kafka.*} configuration without its prefix, as Quarkus hands it to every Kafka client */
    static Properties of(Map<String, ?> shared) {
        return of(shared, CLIENT_ID);
    }

    /** The same settings for another producer that must know its record was acknowledged by every replica. */
    public static Properties of(Map<String, ?> shared, String clientId) {
        Properties props = new Properties();
        shared.forEach((key, value) -> {
            if (!ConsumerConfig.GROUP_ID_CONFIG.equals(key) && value != null) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // A pass must fail fast while the broker is away, so the rows wait in the outbox instead of in memory.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }
}
