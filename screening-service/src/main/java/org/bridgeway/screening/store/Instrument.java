package org.bridgeway.screening.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "instrument")
public class Instrument extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public String definition;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Embeddable
    public record Id(String key, int version) implements Serializable {}
}
