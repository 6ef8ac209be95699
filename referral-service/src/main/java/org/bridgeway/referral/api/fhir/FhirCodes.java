package org.bridgeway.referral.api.fhir;

import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The code systems and identifier systems of the FHIR view. Bridgeway's own live under
 * {@value #BASE} (canonical names, not pages to fetch); the SDOH categories are the Gravity Project's,
 * from the SDOH Clinical Care implementation guide.
 */
final class FhirCodes {

    static final String BASE = "https://bridgeway.org/fhir";
    static final String NEED = BASE + "/CodeSystem/need";
    static final String REFERRAL_STATUS = BASE + "/CodeSystem/referral-status";
    static final String REJECTION_REASON = BASE + "/CodeSystem/rejection-reason";
    static final String REFERRAL_OUTCOME = BASE + "/CodeSystem/referral-outcome";
    static final String TASK_OUTPUT = BASE + "/CodeSystem/task-output";
    static final String BOARD_ID = BASE + "/sid/board";
    static final String STUDENT_REF = BASE + "/sid/student-ref";
    static final String SDOH_CATEGORY =
            "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
    static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";

    /** A FHIR logical id: what may follow {@code Patient/} or {@code Organization/} in a literal reference. */
    static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private record Sdoh(String code, String display) {}

    private static final Sdoh UNSPECIFIED = new Sdoh("sdoh-category-unspecified", "SDOH Category Unspecified");

    /** Bridgeway's need codes (partner-service's vocabulary) and the Gravity SDOH category closest to each. */
    private static final Map<String, Sdoh> SDOH_BY_NEED = Map.of(
            "housing", new Sdoh("housing-instability", "Housing Instability"),
            "food-security", new Sdoh("food-insecurity", "Food Insecurity"),
            "school-engagement", new Sdoh("educational-attainment", "Educational Attainment"),
            "mentoring", new Sdoh("social-connection", "Social Connection"));

    private static final Map<String, String> NEED_LABELS = Map.of(
            "family-support", "Family support",
            "housing", "Housing",
            "mental-health", "Mental health",
            "school-engagement", "School engagement",
            "food-security", "Food security",
            "mentoring", "Mentoring");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("requested", "Requested: waiting for the partner's answer"),
            Map.entry("accepted", "Accepted by the partner"),
            Map.entry("in-progress", "In progress"),
            Map.entry("on-hold", "On hold"),
            Map.entry("completed", "Completed"),
            Map.entry("rejected", "Rejected by the partner"),
            Map.entry("cancelled", "Cancelled by the requester"),
            Map.entry("failed", "Failed"),
            Map.entry("expired", "Expired: the partner did not answer within the agreed time"),
            Map.entry("at-capacity", "At capacity"),
            Map.entry("not-eligible", "Not eligible"),
            Map.entry("unable-to-contact", "Unable to contact"),
            Map.entry("declined-by-family", "Declined by the family"),
            Map.entry("other", "Other"),
            Map.entry("service-provided", "Service provided"),
            Map.entry("partially-provided", "Partially provided"),
            Map.entry("not-provided", "Not provided"));

    private FhirCodes() {}

    /** The SDOH category of a need; needs outside Gravity's domains (mental health, family support) are unspecified. */
    static CodeableConcept sdohCategory(String need) {
        Sdoh category = SDOH_BY_NEED.getOrDefault(need, UNSPECIFIED);
        return new CodeableConcept(new Coding(SDOH_CATEGORY, category.code(), category.display()))
                .setText(category.display());
    }

    static CodeableConcept need(String need) {
        String label = NEED_LABELS.getOrDefault(need, need);
        return new CodeableConcept(new Coding(NEED, need, label)).setText(label);
    }

    /** A Bridgeway code with its English label as display and text. */
    static CodeableConcept concept(String system, String code) {
        String label = LABELS.getOrDefault(code, code);
        return new CodeableConcept(new Coding(system, code, label)).setText(label);
    }
}
