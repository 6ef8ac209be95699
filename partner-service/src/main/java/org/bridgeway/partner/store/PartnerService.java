package org.bridgeway.partner.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A service an organization offers (HSDS "service"). */
@Entity
@Table(name = "service")
public class PartnerService extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String name;
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> needs;
    @Column(name = "min_age")
    public Integer minAge;
    @Column(name = "max_age")
    public Integer maxAge;
    @Column(name = "min_grade")
    public Integer minGrade;
    @Column(name = "max_grade")
    public Integer maxGrade;
    public String eligibility;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_areas")
    public List<String> serviceAreas;
    public String status;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
