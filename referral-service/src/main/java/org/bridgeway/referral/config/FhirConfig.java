package org.bridgeway.referral.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** The FHIR view ({@code bridgeway.referral.fhir.*}, or {@code BRIDGEWAY_REFERRAL_FHIR_*} in the environment). */
@ConfigMapping(prefix = "bridgeway.referral.fhir")
public interface FhirConfig {

    /**
     * The public URL of the FHIR view, e.g. {@code https://api.example.org/api/v1/referrals/fhir/}, for the
     * absolute URLs of a search Bundle (fullUrl, links). Unset: the URL the request came in at, which behind
     * the gateway is the service's own address.
     */
    Optional<URI> baseUrl();
}
