package org.bridgeway.screening.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A student as this service keeps one: identity only as ciphertext, known everywhere by studentRef. */
@Entity
@Table(name = "student")
public class Student extends PanacheEntityBase {

    @Id
    @Column(name = "student_ref")
    public String studentRef;

    @Column(name = "board_id")
    public String boardId;

    @Column(name = "school_id")
    public String schoolId;

    public Integer grade;

    @Column(name = "birth_month")
    public LocalDate birthMonth;

    public byte[] identity;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the SIS took the student off the roster (OneRoster tobedeleted); null while on it. */
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
}
