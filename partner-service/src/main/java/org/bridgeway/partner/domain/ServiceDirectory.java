package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.partner.domain.ServiceModel.LocationCommand;
import org.bridgeway.partner.domain.ServiceModel.ServiceCommand;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;
import org.bridgeway.partner.store.LocationEntity;
import org.bridgeway.partner.store.OrganizationEntity;
import org.bridgeway.partner.store.ServiceEntity;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem.FieldError;
import org.bridgeway.platform.security.Caller;

/**
 * Adds, changes and deactivates services (never deletes them: a referral may point to one). Every change
 * bumps the service's version and is announced as exactly one ServiceUpserted, in the same transaction.
 */
@ApplicationScoped
public class ServiceDirectory {

    public static final String INACTIVE = "inactive";

    private final ServiceSnapshots snapshots;
    private final PartnerEvents events;
    private final NeedVocabulary needs;

    ServiceDirectory(ServiceSnapshots snapshots, PartnerEvents events, NeedVocabulary needs) {
        this.snapshots = snapshots;
        this.events = events;
        this.needs = needs;
    }

    @Transactional
    public ServiceDetails create(Caller caller, ServiceCommand command) {
        OrganizationEntity organization = organizationOf(command);
        validate(command);
        ServiceEntity service = new ServiceEntity();
        service.id = UUID.randomUUID();
        service.version = 1;
        service.createdAt = Instant.now();
        apply(service, command, service.createdAt);
        service.persist();
        replaceLocations(service.id, command.locations());
        events.serviceUpserted(service, organization.name);
        return snapshots.of(caller, service);
    }

    /** @param expectedVersion the version named by If-Match, or null to overwrite whatever is there */
    @Transactional
    public ServiceDetails update(Caller caller, UUID id, Long expectedVersion, ServiceCommand command) {
        ServiceEntity service = locked(id);
        OrganizationEntity organization = organizationOf(command);
        validate(command);
        Versions.require(expectedVersion, service.version);
        service.version++;
        apply(service, command, Instant.now());
        replaceLocations(service.id, command.locations());
        events.serviceUpserted(service, organization.name);
        return snapshots.of(caller, service);
    }

    /** Takes the service out of search and matching; a service already inactive is left as it is, with no event. */
    @Transactional
    public ServiceDetails deactivate(Caller caller, UUID id, Long expectedVersion) {
        ServiceEntity service = locked(id);
        Versions.require(expectedVersion, service.version);
        if (!INACTIVE.equals(service.status)) {
            service.status = INACTIVE;
            service.version++;
            service.updatedAt = Instant.now();
            events.serviceUpserted(
                    service, OrganizationEntity.byId(service.organizationId).orElseThrow().name);
        }
        return snapshots.of(caller, service);
    }

    @Transactional
    public ServiceDetails get(Caller caller, UUID id) {
        return snapshots.of(caller, ServiceEntity.byId(id).orElseThrow(() -> notFound(id)));
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("No service " + id + ".");
    }

    private static ServiceEntity locked(UUID id) {
        return ServiceEntity.lockedById(id).orElseThrow(() -> notFound(id));
    }

    private static OrganizationEntity organizationOf(ServiceCommand command) {
        return OrganizationEntity.byId(command.organizationId())
                .orElseThrow(() -> ApiException.invalidField("organizationId", "unknown organization"));
    }

    private void validate(ServiceCommand command) {
        List<FieldError> errors = ServiceRules.check(command, needs.codes());
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("The request has invalid fields.", errors);
        }
    }

    private static void apply(ServiceEntity service, ServiceCommand command, Instant now) {
        service.organizationId = command.organizationId();
        service.name = command.name();
        service.description = command.description();
        service.needs = List.copyOf(command.needs());
        service.minAge = command.minAge();
        service.maxAge = command.maxAge();
        service.minGrade = command.minGrade();
        service.maxGrade = command.maxGrade();
        service.eligibility = command.eligibility();
        service.languages = command.languages() == null ? List.of() : List.copyOf(command.languages());
        service.serviceAreas = command.serviceAreas() == null ? List.of() : List.copyOf(command.serviceAreas());
        service.status = command.status();
        service.contactEmail =
                command.contact() == null ? null : command.contact().email();
        service.contactPhone =
                command.contact() == null ? null : command.contact().phone();
        service.contactUrl =
                command.contact() == null ? null : command.contact().url();
        if (command.capacity() != null) {
            service.available = command.capacity().available();
            service.maximum = command.capacity().maximum();
            service.waitlist = command.capacity().waitlist();
            service.capacityUpdatedAt = now;
        }
        service.updatedAt = now;
    }

    private static void replaceLocations(UUID serviceId, List<LocationCommand> locations) {
        LocationEntity.deleteOfService(serviceId);
        if (locations == null) {
            return;
        }
        for (int i = 0; i < locations.size(); i++) {
            LocationCommand command = locations.get(i);
            LocationEntity location = new LocationEntity();
            location.id = UUID.randomUUID();
            location.serviceId = serviceId;
            location.position = i;
            location.name = command.name();
            location.address1 = command.address1();
            location.city = command.city();
            location.stateProvince = command.stateProvince();
            location.postalCode = command.postalCode();
            location.country = command.country();
            location.latitude = command.latitude();
            location.longitude = command.longitude();
            location.confidential = command.confidential();
            location.persist();
        }
    }
}
