package org.bridgeway.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RelayProducerSettingsTest {

    @Test
    void connectionAndSecurityComeFromTheSharedKafkaKeys() {
        Properties props = RelayProducerSettings.of(Map.of(
                "bootstrap.servers", "broker-1:9093,broker-2:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/truststore.p12"));

        assertEquals("broker-1:9093,broker-2:9093", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals(
                "org.apache.kafka.common.security.scram.ScramLoginModule required;", props.get("sasl.jaas.config"));
        assertEquals("/etc/kafka/truststore.p12", props.get("ssl.truststore.location"));
    }

    @Test
    void deliveryGuaranteesCannotBeLoosenedBySharedKeys() {
        Properties props = RelayProducerSettings.of(
                Map.of("bootstrap.servers", "localhost:9092", "acks", "1", "enable.idempotence", "false"));

        assertEquals("all", props.get("acks"));
        assertEquals("true", props.get("enable.idempotence"));
        assertEquals(RelayProducerSettings.CLIENT_ID, props.get("client.id"));
    }

    @Test
    void theConsumersGroupIdIsNotHandedToTheProducer() {
        Properties props = RelayProducerSettings.of(
                Map.of("bootstrap.servers", "localhost:9092", "group.id", "screening-service"));

        assertFalse(props.containsKey("group.id"));
    }
}
