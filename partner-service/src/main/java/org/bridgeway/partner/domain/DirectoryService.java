package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.events.ServiceUpserted;
import org.bridgeway.partner.api.DirectoryDtos.OrganizationInput;
import org.bridgeway.partner.api.DirectoryDtos.OrganizationView;
import org.bridgeway.partner.api.DirectoryDtos.ServiceInput;
import org.bridgeway.partner.api.DirectoryDtos.ServiceView;
import org.bridgeway.partner.store.Organization;
import org.bridgeway.partner.store.PartnerService;
import org.bridgeway.platform.api.Page;
import org.bridgeway.platform.api.PageRequest;
import org.bridgeway.platform.outbox.Outbox;
import org.bridgeway.platform.problem.ApiException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The agency directory; every change to a service is announced on partner.events through the outbox. */
@ApplicationScoped
public class DirectoryService {

    private final Outbox outbox;

    DirectoryService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public OrganizationView createOrganization(OrganizationInput input) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = input.name();
        organization.description = input.description();
        organization.email = input.email();
        organization.website = input.website();
        organization.createdAt = Instant.now();
        organization.persist();
        return view(organization);
    }

    @Transactional
    public ServiceView createService(ServiceInput input) {
        if (Organization.findById(input.organizationId()) == null) {
            throw ApiException.invalidField("organizationId", "unknown organization");
        }
        if (input.minAge() != null && input.maxAge() != null && input.minAge() > input.maxAge()) {
            throw ApiException.invalidField("maxAge", "must not be below minAge");
        }
        PartnerService service = new PartnerService();
        service.id = UUID.randomUUID();
        service.organizationId = input.organizationId();
        service.name = input.name();
        service.description = input.description();
        service.needs = List.copyOf(input.needs());
        service.minAge = input.minAge();
        service.maxAge = input.maxAge();
        service.minGrade = input.minGrade();
        service.maxGrade = input.maxGrade();
        service.eligibility = input.eligibility();
        service.languages = input.languages() == null ? List.of() : List.copyOf(input.languages());
        service.serviceAreas = input.serviceAreas() == null ? List.of() : List.copyOf(input.serviceAreas());
        service.status = input.status();
        service.updatedAt = Instant.now();
        service.persist();
        outbox.add(service.id.toString(), service.id.toString(), new ServiceUpserted(service.id, service.organizationId,
                null, service.name, service.needs, service.minAge, service.maxAge, service.minGrade, service.maxGrade,
                service.languages, service.serviceAreas, service.status, null, null, null, 1, service.updatedAt));
        return view(service);
    }

    @Transactional
    public Page<ServiceView> services(String need, PageRequest request) {
        var query = need == null ? PartnerService.<PartnerService>find("order by name, id")
                : PartnerService.<PartnerService>find("from PartnerService where array_contains(needs, ?1) order by name, id", need);
        return Page.of(query.page(request.page(), request.size()).list().stream().map(DirectoryService::view).toList(),
                request, query.count());
    }

    static OrganizationView view(Organization o) {
        return new OrganizationView(o.id, o.name, o.description, o.email, o.website, o.createdAt);
    }

    static ServiceView view(PartnerService s) {
        return new ServiceView(s.id, s.organizationId, s.name, s.description, s.needs, s.minAge, s.maxAge, s.minGrade,
                s.maxGrade, s.eligibility, s.languages, s.serviceAreas, s.status, s.updatedAt);
    }
}
