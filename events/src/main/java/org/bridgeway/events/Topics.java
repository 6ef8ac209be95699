package org.bridgeway.events;

/** Kafka topics of the suite. Each has a dead-letter twin, {@code <topic>.dlq}, for poison messages. */
public final class Topics {

    public static final String SCREENING = "screening.events";
    public static final String PARTNER = "partner.events";
    public static final String REFERRAL = "referral.events";

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
