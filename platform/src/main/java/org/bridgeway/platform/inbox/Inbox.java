package org.bridgeway.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
