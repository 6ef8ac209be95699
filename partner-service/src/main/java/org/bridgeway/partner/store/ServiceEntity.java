package org.bridgeway.partner.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service an organization offers (HSDS "service"), with its capacity and a version that grows with every change. */
@Entity
@Table(name = "service")
public class ServiceEntity extends PanacheEntityBase {

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

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_url")
    public String contactUrl;

    public Integer available;
    public Integer maximum;
    public String waitlist;

    @Column(name = "capacity_updated_at")
    public Instant capacityUpdatedAt;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ServiceEntity> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** The service, locked until the transaction ends, so of two concurrent writes the second sees the first's version. */
    public static Optional<ServiceEntity> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<ServiceEntity> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public static List<ServiceEntity> ofOrganizations(Collection<UUID> organizationIds) {
        return organizationIds.isEmpty()
                ? List.of()
                : list("organizationId in ?1 order by lower(name), id", organizationIds);
    }

    /** The organization's services, locked until the transaction ends (a rename re-announces each of them). */
    public static List<ServiceEntity> lockedOfOrganization(UUID organizationId) {
        return find("organizationId = ?1 order by id", organizationId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** A page in modification order for delta sync, or in name order when {@code modifiedSince} is null. */
    public static List<ServiceEntity> page(Instant modifiedSince, int offset, int limit) {
        var query = modifiedSince == null
                ? find("order by lower(name), id")
                : find("updatedAt >= ?1 order by updatedAt, id", modifiedSince);
        return query.range(offset, offset + limit - 1).list();
    }

    public static long total(Instant modifiedSince) {
        return modifiedSince == null ? count() : count("updatedAt >= ?1", modifiedSince);
    }
}
