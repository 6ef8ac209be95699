package org.bridgeway.partner.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String description;
    public String email;
    public String website;
    @Column(name = "created_at")
    public Instant createdAt;
}
