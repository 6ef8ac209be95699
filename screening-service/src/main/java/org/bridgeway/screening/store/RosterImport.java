package org.bridgeway.screening.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One uploaded OneRoster package and its progress; rows are users.csv rows, the counts are students. */
@Entity
@Table(name = "roster_import")
public class RosterImport extends PanacheEntityBase {

    public static final String ACCEPTED = "accepted";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "board_id")
    public String boardId;

    public String status;

    @Column(name = "total_rows")
    public int totalRows;

    public int processed;
    public int failed;
    public int skipped;
    public int schools;

    @Column(name = "students_created")
    public int studentsCreated;

    @Column(name = "students_updated")
    public int studentsUpdated;

    @Column(name = "students_unchanged")
    public int studentsUnchanged;

    @Column(name = "students_deactivated")
    public int studentsDeactivated;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String detail;
}
