package org.bridgeway.referral.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One request to one partner service; {@code version} is its ETag. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "board_id")
    public String boardId;

    @Column(name = "school_id")
    public String schoolId;

    @Column(name = "student_ref")
    public String studentRef;

    @Column(name = "service_id")
    public UUID serviceId;

    @Column(name = "service_name")
    public String serviceName;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "organization_name")
    public String organizationName;

    public String need;
    public Double score;
    public String status;
    public String reason;
    public String outcome;
    public String note;
    public int version;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
