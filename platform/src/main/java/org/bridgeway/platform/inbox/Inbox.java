package org.bridgeway.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Remembers which events a consumer has already applied. Called in the same transaction as the
 * effect: if the effect rolls back, so does the mark, and a redelivery is applied once more.
 */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource dataSource;

    Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Reads a record as a CloudEvent and records it for this consumer.
     *
     * @return the event the first time this consumer sees it; empty for a redelivery
     * @throws IllegalArgumentException for a record that is not a CloudEvent (the channel dead-letters it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<IncomingEvent> firstDelivery(String consumer, ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return firstDelivery(consumer, event.id()) ? Optional.of(event) : Optional.empty();
    }

    /** @return true the first time this consumer sees the event id, false for a duplicate */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed event " + eventId, e);
        }
    }
}
