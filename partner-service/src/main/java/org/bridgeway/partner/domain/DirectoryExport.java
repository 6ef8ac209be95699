package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.partner.domain.OrganizationModel.OrganizationDetails;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;
import org.bridgeway.partner.store.OrganizationEntity;
import org.bridgeway.partner.store.ServiceEntity;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;

/** The whole directory for other directories (HSDS export): services with their organization, delta by modification. */
@ApplicationScoped
public class DirectoryExport {

    private final ServiceSnapshots snapshots;

    DirectoryExport(ServiceSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** A service with the organization that provides it. */
    public record ExportedService(ServiceDetails service, OrganizationDetails organization) {}

    @Transactional
    public Page<ExportedService> services(Caller caller, Instant modifiedSince, PageRequest page) {
        List<ServiceDetails> services = snapshots.of(
                caller, ServiceEntity.page(modifiedSince, OrganizationDirectory.offset(page), page.size()));
        Map<UUID, OrganizationDetails> organizations =
                OrganizationEntity.byIds(services.stream()
                                .map(ServiceDetails::organizationId)
                                .collect(Collectors.toSet()))
                        .stream()
                        .map(o -> OrganizationDirectory.details(o, List.of()))
                        .collect(Collectors.toMap(OrganizationDetails::id, Function.identity()));
        return Page.of(
                services.stream()
                        .map(s -> new ExportedService(s, organizations.get(s.organizationId())))
                        .toList(),
                page,
                ServiceEntity.total(modifiedSince));
    }

    @Transactional
    public ExportedService service(Caller caller, UUID id) {
        ServiceDetails service =
                snapshots.of(caller, ServiceEntity.byId(id).orElseThrow(() -> ServiceDirectory.notFound(id)));
        OrganizationDetails organization = OrganizationDirectory.details(
                OrganizationEntity.byId(service.organizationId()).orElseThrow(), List.of());
        return new ExportedService(service, organization);
    }
}
