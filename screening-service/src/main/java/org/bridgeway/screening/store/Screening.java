package org.bridgeway.screening.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A scored survey response. Answers stay inside this service; the result is kept as scored, never re-scored in place. */
@Entity
@Table(name = "screening")
public class Screening extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "student_ref")
    public String studentRef;

    @Column(name = "board_id")
    public String boardId;

    @Column(name = "school_id")
    public String schoolId;

    public Integer grade;

    @Column(name = "age_years")
    public Integer ageYears;

    @Column(name = "instrument_key")
    public String instrumentKey;

    @Column(name = "instrument_version")
    public int instrumentVersion;

    @Column(name = "administered_on")
    public LocalDate administeredOn;

    @JdbcTypeCode(SqlTypes.JSON)
    public String answers;

    @JdbcTypeCode(SqlTypes.JSON)
    public String result;

    public boolean flagged;

    @Column(name = "suggested_tier")
    public int suggestedTier;

    @Column(name = "batch_id")
    public UUID batchId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "review_decision")
    public String reviewDecision;

    @Column(name = "review_tier")
    public Integer reviewTier;

    @Column(name = "review_notes")
    public String reviewNotes;

    @Column(name = "known_to_staff")
    public Boolean knownToStaff;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "referral_status")
    public String referralStatus;

    @Column(name = "referral_status_at")
    public Instant referralStatusAt;

    @Column(name = "referred_at")
    public Instant referredAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public int version;
}
