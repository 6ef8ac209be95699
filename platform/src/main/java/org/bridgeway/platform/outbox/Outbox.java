package org.bridgeway.platform.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.events.EventJson;
import org.bridgeway.events.EventType;

/**
 * Writes an event to the outbox table inside the caller's transaction, so the event exists exactly
 * when the change it reports was committed. {@link OutboxRelay} publishes it right after that commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox_event (id, topic, event_key, type, source, subject, payload, traceparent)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final RelayWakeUp relayWakeUp;

    Outbox(AgroalDataSource dataSource, RelayWakeUp relayWakeUp) {
        this.dataSource = dataSource;
        this.relayWakeUp = relayWakeUp;
    }

    /**
     * @param key     the Kafka record key: the studentRef or the aggregate id, so one subject's events stay ordered
     * @param payload one of the records in {@code org.bridgeway.events}
     * @return the event id (the CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String key, String subject, Object payload) {
        return addAll(List.of(new Draft(key, subject, payload))).get(0);
    }

    /** Writes many events with one JDBC batch, in the caller's transaction (bulk ingest). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> addAll(List<Draft> drafts) {
        List<UUID> ids = new ArrayList<>(drafts.size());
        if (drafts.isEmpty()) {
            return ids;
        }
        String traceparent = TraceParent.current();
        // Agroal hands out the connection already enlisted in this transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Draft draft : drafts) {
                EventType type = EventType.of(draft.payload().getClass());
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, type.topic());
                insert.setString(3, draft.key());
                insert.setString(4, type.type());
                insert.setString(5, type.source());
                insert.setString(6, draft.subject());
                insert.setString(7, EventJson.write(draft.payload()));
                insert.setString(8, traceparent);
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write outbox events", e);
        }
        relayWakeUp.afterCommit();
        return ids;
    }

    /** An event to write: Kafka key, CloudEvents subject, payload record from {@code org.bridgeway.events}. */
    public record Draft(String key, String subject, Object payload) {}
}
