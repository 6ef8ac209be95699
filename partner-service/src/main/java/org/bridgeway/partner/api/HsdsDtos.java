package org.bridgeway.partner.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The directory in Open Referral HSDS 3.x shape (snake_case field names, nested objects, the paged list
 * envelope), so 211 systems and other directories can consume it. Absent values are left out, not null.
 */
public final class HsdsDtos {

    private HsdsDtos() {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsPage<T>(
            long totalItems,
            int totalPages,
            int pageNumber,
            int size,
            boolean firstPage,
            boolean lastPage,
            boolean empty,
            List<T> contents) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsService(
            UUID id,
            UUID organizationId,
            String name,
            String description,
            String url,
            String email,
            String status,
            String eligibilityDescription,
            Integer minimumAge,
            Integer maximumAge,
            Instant lastModified,
            HsdsOrganization organization,
            List<HsdsPhone> phones,
            List<HsdsLanguage> languages,
            List<HsdsServiceArea> serviceAreas,
            List<HsdsServiceAtLocation> serviceAtLocations,
            List<HsdsAttribute> attributes) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsOrganization(
            UUID id,
            String name,
            String description,
            String email,
            String website,
            List<HsdsPhone> phones,
            List<HsdsService> services) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsPhone(UUID id, String number, String type) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsLanguage(UUID id, UUID serviceId, String name, String code) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsServiceArea(UUID id, UUID serviceId, String name, String description) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsServiceAtLocation(UUID id, UUID serviceId, UUID locationId, HsdsLocation location) {}

    /** A confidential location, for anyone but an admin, has no addresses and no coordinates. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsLocation(
            UUID id,
            String locationType,
            String name,
            String description,
            BigDecimal latitude,
            BigDecimal longitude,
            List<HsdsAddress> addresses) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsAddress(
            UUID id,
            UUID locationId,
            @JsonProperty("address_1") String address1,
            String city,
            String stateProvince,
            String postalCode,
            String country,
            String addressType) {}

    /** A need code, as a term of the Bridgeway needs taxonomy. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsAttribute(
            UUID id, UUID linkId, String linkType, String linkEntity, HsdsTaxonomyTerm taxonomyTerm) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HsdsTaxonomyTerm(UUID id, String code, String name, String description, String taxonomy) {}
}
