package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bridgeway.partner.domain.OrganizationModel.OrganizationCommand;
import org.bridgeway.partner.domain.OrganizationModel.OrganizationDetails;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;
import org.bridgeway.partner.store.OrganizationEntity;
import org.bridgeway.partner.store.ServiceEntity;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;

/**
 * Partner organizations and their services. A rename changes every service's snapshot (it carries the
 * organization's name), so each of its services is announced once more, with a new version.
 */
@ApplicationScoped
public class OrganizationDirectory {

    private final ServiceSnapshots snapshots;
    private final PartnerEvents events;

    OrganizationDirectory(ServiceSnapshots snapshots, PartnerEvents events) {
        this.snapshots = snapshots;
        this.events = events;
    }

    @Transactional
    public OrganizationDetails create(OrganizationCommand command) {
        if (command.id() != null && OrganizationEntity.byId(command.id()).isPresent()) {
            throw ApiException.conflict("Organization " + command.id() + " already exists; change it with PUT.");
        }
        OrganizationEntity organization = new OrganizationEntity();
        organization.id = command.id() == null ? UUID.randomUUID() : command.id();
        organization.createdAt = Instant.now();
        apply(organization, command, organization.createdAt);
        organization.persist();
        return details(organization, List.of());
    }

    @Transactional
    public OrganizationDetails update(Caller caller, UUID id, OrganizationCommand command) {
        OrganizationEntity organization = OrganizationEntity.lockedById(id).orElseThrow(() -> notFound(id));
        boolean renamed = !Objects.equals(organization.name, command.name());
        Instant now = Instant.now();
        apply(organization, command, now);
        if (renamed) {
            for (ServiceEntity service : ServiceEntity.lockedOfOrganization(id)) {
                service.version++;
                service.updatedAt = now;
                events.serviceUpserted(service, organization.name);
            }
        }
        return details(
                organization, snapshots.ofOrganizations(caller, List.of(id)).getOrDefault(id, List.of()));
    }

    @Transactional
    public OrganizationDetails get(Caller caller, UUID id) {
        OrganizationEntity organization = OrganizationEntity.byId(id).orElseThrow(() -> notFound(id));
        return details(
                organization, snapshots.ofOrganizations(caller, List.of(id)).getOrDefault(id, List.of()));
    }

    /** Organizations with their services, in name order, or in modification order from {@code modifiedSince}. */
    @Transactional
    public Page<OrganizationDetails> list(Caller caller, Instant modifiedSince, PageRequest page) {
        List<OrganizationEntity> organizations = OrganizationEntity.page(modifiedSince, offset(page), page.size());
        Map<UUID, List<ServiceDetails>> services = snapshots.ofOrganizations(
                caller, organizations.stream().map(o -> o.id).toList());
        return Page.of(
                organizations.stream()
                        .map(o -> details(o, services.getOrDefault(o.id, List.of())))
                        .toList(),
                page,
                OrganizationEntity.total(modifiedSince));
    }

    /** The row offset of a page, kept within what a query can take (pages that far out are empty anyway). */
    static int offset(PageRequest page) {
        return (int) Math.min((long) page.page() * page.size(), Integer.MAX_VALUE - (long) page.size());
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("No organization " + id + ".");
    }

    private static void apply(OrganizationEntity organization, OrganizationCommand command, Instant now) {
        organization.name = command.name();
        organization.description = command.description();
        organization.email = command.email();
        organization.website = command.website();
        organization.phone = command.phone();
        organization.updatedAt = now;
    }

    static OrganizationDetails details(OrganizationEntity o, List<ServiceDetails> services) {
        return new OrganizationDetails(
                o.id, o.name, o.description, o.email, o.website, o.phone, o.createdAt, o.updatedAt, services);
    }
}
