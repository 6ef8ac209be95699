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

/** A partner organization (HSDS "organization"). */
@Entity
@Table(name = "organization")
public class OrganizationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    public String description;
    public String email;
    public String website;
    public String phone;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<OrganizationEntity> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** The organization, locked until the transaction ends: agreement checks of one organization run one at a time. */
    public static Optional<OrganizationEntity> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<OrganizationEntity> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** A page in name order; {@code modifiedSince} null for all. */
    public static List<OrganizationEntity> page(Instant modifiedSince, int offset, int limit) {
        var query = modifiedSince == null
                ? find("order by lower(name), id")
                : find("updatedAt >= ?1 order by updatedAt, id", modifiedSince);
        return query.range(offset, offset + limit - 1).list();
    }

    public static long total(Instant modifiedSince) {
        return modifiedSince == null ? count() : count("updatedAt >= ?1", modifiedSince);
    }
}
