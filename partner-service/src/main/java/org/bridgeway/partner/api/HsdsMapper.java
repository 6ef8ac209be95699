package org.bridgeway.partner.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bridgeway.partner.api.HsdsDtos.HsdsAddress;
import org.bridgeway.partner.api.HsdsDtos.HsdsAttribute;
import org.bridgeway.partner.api.HsdsDtos.HsdsLanguage;
import org.bridgeway.partner.api.HsdsDtos.HsdsLocation;
import org.bridgeway.partner.api.HsdsDtos.HsdsOrganization;
import org.bridgeway.partner.api.HsdsDtos.HsdsPage;
import org.bridgeway.partner.api.HsdsDtos.HsdsPhone;
import org.bridgeway.partner.api.HsdsDtos.HsdsService;
import org.bridgeway.partner.api.HsdsDtos.HsdsServiceArea;
import org.bridgeway.partner.api.HsdsDtos.HsdsServiceAtLocation;
import org.bridgeway.partner.api.HsdsDtos.HsdsTaxonomyTerm;
import org.bridgeway.partner.domain.Need;
import org.bridgeway.partner.domain.OrganizationModel.OrganizationDetails;
import org.bridgeway.partner.domain.ServiceModel.LocationDetails;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;
import org.bridgeway.platform.paging.Page;

/**
 * Maps the directory to HSDS 3.x. Child objects HSDS wants with their own uuid (languages, areas, phones,
 * addresses, attributes) get ids derived from their parent and value, so they stay the same from one export
 * to the next. A confidential location keeps only its name and city (in its description) for non-admins.
 */
final class HsdsMapper {

    static final String NEEDS_TAXONOMY = "bridgeway-needs";

    private HsdsMapper() {}

    static <T, R> HsdsPage<R> page(Page<T> page, List<R> contents) {
        int number = page.page() + 1;
        return new HsdsPage<>(
                page.totalItems(),
                page.totalPages(),
                number,
                page.size(),
                number == 1,
                number >= page.totalPages(),
                page.totalItems() == 0,
                contents);
    }

    static HsdsService service(ServiceDetails s, OrganizationDetails organization, Map<String, Need> needs) {
        return new HsdsService(
                s.id(),
                s.organizationId(),
                s.name(),
                orEmpty(s.description()),
                s.contact().url(),
                s.contact().email(),
                status(s.status()),
                eligibility(s),
                s.minAge(),
                s.maxAge(),
                s.updatedAt(),
                organization == null ? null : organization(organization, null),
                s.contact().phone() == null
                        ? List.of()
                        : List.of(phone(s.id(), s.contact().phone())),
                s.languages().stream()
                        .map(code -> new HsdsLanguage(
                                derived("language", s.id(), code),
                                s.id(),
                                Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH),
                                code))
                        .toList(),
                s.serviceAreas().stream()
                        .map(area -> new HsdsServiceArea(
                                derived("area", s.id(), area), s.id(), area, "School id or region code served"))
                        .toList(),
                s.locations().stream()
                        .map(l -> new HsdsServiceAtLocation(
                                derived("service-at-location", s.id(), l.id().toString()), s.id(), l.id(), location(l)))
                        .toList(),
                s.needs().stream()
                        .map(code -> attribute(s.id(), code, needs.get(code)))
                        .toList());
    }

    static HsdsOrganization organization(OrganizationDetails o, List<HsdsService> services) {
        return new HsdsOrganization(
                o.id(),
                o.name(),
                orEmpty(o.description()),
                o.email(),
                o.website(),
                o.phone() == null ? List.of() : List.of(phone(o.id(), o.phone())),
                services);
    }

    /** HSDS spells the closed state with a space. */
    static String status(String status) {
        return "temporarily-closed".equals(status) ? "temporarily closed" : status;
    }

    private static HsdsLocation location(LocationDetails l) {
        boolean withheld = l.confidential() && l.address1() == null;
        String description = withheld
                ? "Confidential location" + (l.city() == null ? "" : " in " + l.city())
                        + ": the address is not published."
                : l.city();
        boolean complete = Stream.of(l.address1(), l.city(), l.stateProvince(), l.postalCode(), l.country())
                .allMatch(v -> v != null && !v.isBlank());
        List<HsdsAddress> addresses = complete
                ? List.of(new HsdsAddress(
                        derived("address", l.id(), "physical"),
                        l.id(),
                        l.address1(),
                        l.city(),
                        l.stateProvince(),
                        l.postalCode(),
                        l.country(),
                        "physical"))
                : List.of();
        return new HsdsLocation(l.id(), "physical", l.name(), description, l.latitude(), l.longitude(), addresses);
    }

    private static HsdsAttribute attribute(UUID serviceId, String code, Need need) {
        UUID term = UUID.nameUUIDFromBytes((NEEDS_TAXONOMY + ":" + code).getBytes(StandardCharsets.UTF_8));
        return new HsdsAttribute(
                derived("attribute", serviceId, code),
                serviceId,
                "need",
                "service",
                new HsdsTaxonomyTerm(
                        term,
                        code,
                        need == null ? code : need.label(),
                        need == null || need.description() == null ? code : need.description(),
                        NEEDS_TAXONOMY));
    }

    private static HsdsPhone phone(UUID owner, String number) {
        return new HsdsPhone(derived("phone", owner, number), number, "voice");
    }

    /** HSDS has age bounds but no grades: grades go into the eligibility text. */
    private static String eligibility(ServiceDetails s) {
        String grades = s.minGrade() == null && s.maxGrade() == null
                ? null
                : "Grades " + (s.minGrade() == null ? "any" : s.minGrade()) + " to "
                        + (s.maxGrade() == null ? "any" : s.maxGrade()) + ".";
        if (grades == null) {
            return s.eligibility();
        }
        return s.eligibility() == null ? grades : s.eligibility() + " " + grades;
    }

    private static UUID derived(String kind, UUID owner, String value) {
        return UUID.nameUUIDFromBytes((kind + ":" + owner + ":" + value).getBytes(StandardCharsets.UTF_8));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
