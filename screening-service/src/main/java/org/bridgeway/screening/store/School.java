package org.bridgeway.screening.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    public String name;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public record Id(
            @Column(name = "board_id") String boardId,
            @Column(name = "school_id") String schoolId) implements Serializable {}
}
