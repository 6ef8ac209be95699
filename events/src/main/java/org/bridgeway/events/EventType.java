package org.bridgeway.events;

import java.util.Arrays;
import java.util.Optional;

/** Every event of the suite: its CloudEvents type, its topic and its payload record. */
public enum EventType {
    SCREENING_FLAGGED("screening", "ScreeningFlagged", Topics.SCREENING, ScreeningFlagged.class),
    SCREENING_REVIEWED("screening", "ScreeningReviewed", Topics.SCREENING, ScreeningReviewed.class),
    CONSENT_CHANGED("screening", "ConsentChanged", Topics.SCREENING, ConsentChanged.class),
    SERVICE_UPSERTED("partner", "ServiceUpserted", Topics.PARTNER, ServiceUpserted.class),
    CAPACITY_CHANGED("partner", "CapacityChanged", Topics.PARTNER, CapacityChanged.class),
    AGREEMENT_CHANGED("partner", "AgreementChanged", Topics.PARTNER, AgreementChanged.class),
    REFERRAL_STATUS_CHANGED("referral", "ReferralStatusChanged", Topics.REFERRAL, ReferralStatusChanged.class),
    CASE_CLOSED("referral", "CaseClosed", Topics.REFERRAL, CaseClosed.class);

    private final String type;
    private final String source;
    private final String topic;
    private final Class<?> payload;

    EventType(String service, String name, String topic, Class<?> payload) {
        this.type = "org.bridgeway." + service + "." + name + ".v1";
        this.source = "/bridgeway/" + service + "-service";
        this.topic = topic;
        this.payload = payload;
    }

    /** The CloudEvents {@code type}, e.g. {@code org.bridgeway.screening.ScreeningFlagged.v1}. */
    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payload() {
        return payload;
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<?> payload) {
        return Arrays.stream(values())
                .filter(t -> t.payload.equals(payload))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event payload: " + payload.getName()));
    }
}
