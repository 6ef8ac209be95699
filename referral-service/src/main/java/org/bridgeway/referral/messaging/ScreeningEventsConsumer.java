package org.bridgeway.referral.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bridgeway.events.ConsentChanged;
import org.bridgeway.events.ScreeningFlagged;
import org.bridgeway.events.ScreeningReviewed;
import org.bridgeway.platform.messaging.Backoff;
import org.bridgeway.platform.messaging.ResilientConsumer;
import org.bridgeway.platform.messaging.ResilientConsumer.Decoded;
import org.bridgeway.referral.config.ReferralConfig;
import org.bridgeway.referral.domain.CaseIntake;
import org.bridgeway.referral.domain.ReadModels;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * screening.events, a poll at a time: runs of ScreeningFlagged open their cases with one insert;
 * reviews and consent changes apply in order between them.
 */
@ApplicationScoped
public class ScreeningEventsConsumer {

    static final String CONSUMER = "referral-service/screening-events";

    private final ResilientConsumer consumer;
    private final Backoff backoff;
    private final CaseIntake intake;
    private final ReadModels readModels;

    ScreeningEventsConsumer(
            ResilientConsumer consumer, ReferralConfig config, CaseIntake intake, ReadModels readModels) {
        this.consumer = consumer;
        this.backoff = config.consumer().backoff();
        this.intake = intake;
        this.readModels = readModels;
    }

    @Incoming("screening-events")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        consumer.consume(CONSUMER, backoff, records, EventPayloads::decode, this::apply);
    }

    private void apply(List<Decoded> events) {
        List<ScreeningFlagged> flagged = new ArrayList<>();
        for (Decoded event : events) {
            if (event.payload() instanceof ScreeningFlagged f) {
                flagged.add(f);
                continue;
            }
            intake.open(flagged);
            flagged.clear();
            if (event.payload() instanceof ScreeningReviewed review) {
                intake.reviewed(review);
            } else if (event.payload() instanceof ConsentChanged consent) {
                readModels.consent(consent);
            }
        }
        intake.open(flagged);
    }
}
