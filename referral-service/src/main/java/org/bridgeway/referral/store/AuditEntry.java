package org.bridgeway.referral.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of the append-only audit log (a database trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    @Column(name = "board_id")
    public String boardId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "referral_id")
    public UUID referralId;

    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    public String actor;
    public String role;
    public String note;
    public String reason;
    public String outcome;

    public static List<AuditEntry> timeline(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
