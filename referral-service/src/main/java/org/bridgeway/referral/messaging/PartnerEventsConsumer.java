package org.bridgeway.referral.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bridgeway.events.AgreementChanged;
import org.bridgeway.events.CapacityChanged;
import org.bridgeway.events.ServiceUpserted;
import org.bridgeway.platform.messaging.Backoff;
import org.bridgeway.platform.messaging.ResilientConsumer;
import org.bridgeway.platform.messaging.ResilientConsumer.Decoded;
import org.bridgeway.referral.config.ReferralConfig;
import org.bridgeway.referral.domain.ReadModels;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** partner.events into the read models that matching ranks. */
@ApplicationScoped
public class PartnerEventsConsumer {

    static final String CONSUMER = "referral-service/partner-events";

    private final ResilientConsumer consumer;
    private final Backoff backoff;
    private final ReadModels readModels;

    PartnerEventsConsumer(ResilientConsumer consumer, ReferralConfig config, ReadModels readModels) {
        this.consumer = consumer;
        this.backoff = config.consumer().backoff();
        this.readModels = readModels;
    }

    @Incoming("partner-events")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        consumer.consume(CONSUMER, backoff, records, EventPayloads::decode, this::apply);
    }

    private void apply(List<Decoded> events) {
        for (Decoded event : events) {
            if (event.payload() instanceof ServiceUpserted service) {
                readModels.service(service);
            } else if (event.payload() instanceof CapacityChanged capacity) {
                readModels.capacity(capacity);
            } else if (event.payload() instanceof AgreementChanged agreement) {
                readModels.agreement(agreement);
            }
        }
    }
}
