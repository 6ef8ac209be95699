package org.bridgeway.screening.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "batch")
public class Batch extends PanacheEntityBase {

    public static final String ACCEPTED = "accepted";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "board_id")
    public String boardId;

    public String format;
    public String status;

    @Column(name = "total_rows")
    public Integer totalRows;

    public int processed;
    public int succeeded;
    public int failed;
    public int flagged;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String detail;
}
