package org.bridgeway.referral.domain;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.events.AgreementChanged;
import org.bridgeway.events.CapacityChanged;
import org.bridgeway.events.ConsentChanged;
import org.bridgeway.events.ServiceUpserted;
import org.bridgeway.referral.store.ReadModelWriter;

/**
 * Keeps referral-service's own copy of the partner directory and of consent, so matching and identity
 * checks never call another service. An older snapshot than the one held is ignored.
 */
@ApplicationScoped
public class ReadModels {

    private final ReadModelWriter writer;

    ReadModels(ReadModelWriter writer) {
        this.writer = writer;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void service(ServiceUpserted event) {
        if (!writer.service(event)) {
            Log.debugf("service %s version %d is not newer than ours; ignored", event.serviceId(), event.version());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void capacity(CapacityChanged event) {
        if (!writer.capacity(event)) {
            Log.debugf(
                    "capacity of service %s version %d: unknown service or not newer; ignored",
                    event.serviceId(), event.version());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void agreement(AgreementChanged event) {
        if (!writer.agreement(event)) {
            Log.debugf("agreement %s version %d is not newer than ours; ignored", event.agreementId(), event.version());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void consent(ConsentChanged event) {
        writer.consent(event);
    }
}
