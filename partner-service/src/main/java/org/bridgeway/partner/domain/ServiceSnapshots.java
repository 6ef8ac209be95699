package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.partner.domain.ServiceModel.Capacity;
import org.bridgeway.partner.domain.ServiceModel.Contact;
import org.bridgeway.partner.domain.ServiceModel.LocationDetails;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;
import org.bridgeway.partner.store.LocationEntity;
import org.bridgeway.partner.store.OrganizationEntity;
import org.bridgeway.partner.store.ServiceEntity;
import org.bridgeway.platform.security.Caller;

/**
 * Turns stored services into what callers see, a page at a time (one query for their organizations, one for
 * their locations), with confidential addresses redacted for everyone but admins.
 */
@ApplicationScoped
public class ServiceSnapshots {

    /** In the order given. */
    public List<ServiceDetails> of(Caller caller, List<ServiceEntity> services) {
        boolean fullAddresses = caller != null && DirectoryAccess.seesConfidentialAddresses(caller);
        List<UUID> ids = services.stream().map(s -> s.id).toList();
        Map<UUID, String> organizationNames =
                OrganizationEntity.byIds(
                                services.stream().map(s -> s.organizationId).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(o -> o.id, o -> o.name));
        Map<UUID, List<LocationDetails>> locations = new HashMap<>();
        for (LocationEntity location : LocationEntity.ofServices(ids)) {
            LocationDetails details = details(location);
            locations
                    .computeIfAbsent(location.serviceId, id -> new ArrayList<>())
                    .add(location.confidential && !fullAddresses ? details.redacted() : details);
        }
        return services.stream()
                .map(s -> details(s, organizationNames.get(s.organizationId), locations.getOrDefault(s.id, List.of())))
                .toList();
    }

    public ServiceDetails of(Caller caller, ServiceEntity service) {
        return of(caller, List.of(service)).get(0);
    }

    /** The services with these ids, in the order of {@code ids}. */
    public List<ServiceDetails> byIds(Caller caller, List<UUID> ids) {
        Map<UUID, ServiceEntity> byId = new LinkedHashMap<>();
        ServiceEntity.byIds(ids).forEach(s -> byId.put(s.id, s));
        return of(caller, ids.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /** Each organization's services, by organization id. */
    public Map<UUID, List<ServiceDetails>> ofOrganizations(Caller caller, Collection<UUID> organizationIds) {
        return of(caller, ServiceEntity.ofOrganizations(organizationIds)).stream()
                .collect(
                        Collectors.groupingBy(ServiceDetails::organizationId, LinkedHashMap::new, Collectors.toList()));
    }

    static Capacity capacity(ServiceEntity s) {
        return new Capacity(s.id, s.organizationId, s.available, s.maximum, s.waitlist, s.capacityUpdatedAt, s.version);
    }

    private static ServiceDetails details(ServiceEntity s, String organizationName, List<LocationDetails> locations) {
        return new ServiceDetails(
                s.id,
                s.organizationId,
                organizationName,
                s.name,
                s.description,
                s.needs,
                s.minAge,
                s.maxAge,
                s.minGrade,
                s.maxGrade,
                s.eligibility,
                s.languages,
                s.serviceAreas,
                s.status,
                new Contact(s.contactEmail, s.contactPhone, s.contactUrl),
                locations,
                capacity(s),
                s.version,
                s.createdAt,
                s.updatedAt);
    }

    private static LocationDetails details(LocationEntity l) {
        return new LocationDetails(
                l.id,
                l.name,
                l.address1,
                l.city,
                l.stateProvince,
                l.postalCode,
                l.country,
                l.latitude,
                l.longitude,
                l.confidential);
    }
}
