package org.bridgeway.screening.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.screening.domain.RowError;

/** The rows of a batch that could not be stored, and why: written per chunk, read page by page. */
@ApplicationScoped
public class RowErrorStore {

    private final AgroalDataSource dataSource;

    RowErrorStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(UUID batchId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO batch_error (batch_id, row_no, field, message) VALUES (?, ?, ?, ?)")) {
            for (RowError error : errors) {
                insert.setObject(1, batchId);
                insert.setInt(2, error.row());
                insert.setString(3, error.field());
                insert.setString(4, error.message());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store row errors", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Page<RowError> page(UUID batchId, PageRequest request) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement("SELECT count(*) FROM batch_error WHERE batch_id = ?");
                PreparedStatement select = c.prepareStatement(
                        "SELECT row_no, field, message FROM batch_error WHERE batch_id = ? ORDER BY row_no, field LIMIT ? OFFSET ?")) {
            count.setObject(1, batchId);
            long total;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            select.setObject(1, batchId);
            select.setInt(2, request.size());
            select.setLong(3, request.offset());
            List<RowError> items = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
            return Page.of(items, request, total);
        } catch (SQLException e) {
            throw new IllegalStateException("reading row errors failed", e);
        }
    }
}
