package org.bridgeway.referral.api.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** FHIR R4 JSON out of HAPI's model. */
public final class FhirJson {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private FhirJson() {}

    /**
     * One context for the process, built by the first FHIR request rather than at start-up: building it
     * scans the whole R4 model (about a second), and start-up time is a target. HAPI's cached context does
     * exactly that; parsers are cheap and not thread-safe, so each call takes its own.
     */
    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    public static String write(IBaseResource resource) {
        return context().newJsonParser().encodeResourceToString(resource);
    }
}
