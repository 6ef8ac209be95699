package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.partner.domain.AgreementModel.AgreementChange;
import org.bridgeway.partner.domain.AgreementModel.AgreementCommand;
import org.bridgeway.partner.domain.AgreementModel.AgreementDetails;
import org.bridgeway.partner.domain.AgreementModel.AgreementQuery;
import org.bridgeway.partner.store.AgreementEntity;
import org.bridgeway.partner.store.OrganizationEntity;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;

/**
 * Data-sharing agreements. At most one active agreement covers an organization and a board on any day:
 * an overlapping one is refused with 409. Every change is announced as exactly one AgreementChanged.
 */
@ApplicationScoped
public class AgreementRegistry {

    private final PartnerEvents events;

    AgreementRegistry(PartnerEvents events) {
        this.events = events;
    }

    @Transactional
    public AgreementDetails create(AgreementCommand command) {
        // The lock serialises agreement writes of one organization, so two overlapping ones cannot both pass the check.
        OrganizationEntity organization = OrganizationEntity.lockedById(command.organizationId())
                .orElseThrow(() -> ApiException.invalidField("organizationId", "unknown organization"));
        checkDates(command.validFrom(), command.validTo());
        AgreementEntity agreement = new AgreementEntity();
        agreement.id = UUID.randomUUID();
        agreement.organizationId = organization.id;
        agreement.boardId = command.boardId();
        agreement.version = 1;
        agreement.createdAt = Instant.now();
        apply(
                agreement,
                new AgreementChange(command.scopes(), command.validFrom(), command.validTo(), command.status()));
        agreement.persist();
        events.agreementChanged(agreement);
        return details(agreement, organization.name);
    }

    @Transactional
    public AgreementDetails update(UUID id, Long expectedVersion, AgreementChange change) {
        AgreementEntity agreement = AgreementEntity.byId(id).orElseThrow(() -> notFound(id));
        OrganizationEntity organization =
                OrganizationEntity.lockedById(agreement.organizationId).orElseThrow();
        agreement.reload();
        checkDates(change.validFrom(), change.validTo());
        Versions.require(expectedVersion, agreement.version);
        agreement.version++;
        apply(agreement, change);
        events.agreementChanged(agreement);
        return details(agreement, organization.name);
    }

    @Transactional
    public AgreementDetails get(Caller caller, UUID id) {
        AgreementEntity agreement = AgreementEntity.byId(id)
                .filter(a -> DirectoryAccess.sees(caller, a.organizationId, a.boardId))
                .orElseThrow(() -> notFound(id));
        return details(
                agreement,
                OrganizationEntity.byId(agreement.organizationId)
                        .map(o -> o.name)
                        .orElse(null));
    }

    @Transactional
    public Page<AgreementDetails> list(Caller caller, AgreementQuery query, PageRequest page) {
        AgreementQuery scoped = DirectoryAccess.scope(caller, query);
        AgreementEntity.Filter filter = new AgreementEntity.Filter(
                scoped.boardId(), scoped.organizationId(), scoped.inForceOn(), scoped.status());
        List<AgreementEntity> agreements =
                AgreementEntity.page(filter, OrganizationDirectory.offset(page), page.size());
        Map<UUID, String> names =
                OrganizationEntity.byIds(
                                agreements.stream().map(a -> a.organizationId).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(o -> o.id, o -> o.name));
        return Page.of(
                agreements.stream()
                        .map(a -> details(a, names.get(a.organizationId)))
                        .toList(),
                page,
                AgreementEntity.total(filter));
    }

    private static void apply(AgreementEntity agreement, AgreementChange change) {
        if (AgreementEntity.ACTIVE.equals(change.status())
                && !AgreementEntity.activeOverlapping(
                                agreement.organizationId,
                                agreement.boardId,
                                change.validFrom(),
                                change.validTo(),
                                agreement.id)
                        .isEmpty()) {
            throw ApiException.conflict(
                    "Organization " + agreement.organizationId + " already has an active agreement with board "
                            + agreement.boardId + " for part of these dates; end or suspend it first.");
        }
        agreement.scopes = List.copyOf(change.scopes());
        agreement.validFrom = change.validFrom();
        agreement.validTo = change.validTo();
        agreement.status = change.status();
        agreement.updatedAt = Instant.now();
    }

    private static void checkDates(LocalDate from, LocalDate to) {
        if (from.getYear() < 2000 || from.getYear() > 2100) {
            throw ApiException.invalidField("validFrom", "must be between 2000 and 2100");
        }
        if (to != null && to.getYear() > 2100) {
            throw ApiException.invalidField("validTo", "must be before 2101");
        }
        if (to != null && to.isBefore(from)) {
            throw ApiException.invalidField("validTo", "must not be before validFrom");
        }
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("No agreement " + id + " that you may see.");
    }

    private static AgreementDetails details(AgreementEntity a, String organizationName) {
        return new AgreementDetails(
                a.id,
                a.organizationId,
                organizationName,
                a.boardId,
                a.scopes,
                a.validFrom,
                a.validTo,
                a.status,
                a.version,
                a.createdAt,
                a.updatedAt);
    }
}
