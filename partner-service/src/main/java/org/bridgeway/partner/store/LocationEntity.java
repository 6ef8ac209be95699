package org.bridgeway.partner.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Where a service is delivered; a confidential one (a shelter) keeps its address from everyone but admins. */
@Entity
@Table(name = "location")
public class LocationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "service_id")
    public UUID serviceId;

    public int position;
    public String name;

    @Column(name = "address_1")
    public String address1;

    public String city;

    @Column(name = "state_province")
    public String stateProvince;

    @Column(name = "postal_code")
    public String postalCode;

    public String country;
    public BigDecimal latitude;
    public BigDecimal longitude;
    public boolean confidential;

    public static List<LocationEntity> ofServices(Collection<UUID> serviceIds) {
        return serviceIds.isEmpty() ? List.of() : list("serviceId in ?1 order by serviceId, position", serviceIds);
    }

    public static void deleteOfService(UUID serviceId) {
        delete("serviceId", serviceId);
    }
}
