package org.bridgeway.archfixture.good.messaging;

import org.bridgeway.archfixture.good.domain.ThingService;
import org.bridgeway.events.Topics;

public class ThingConsumer {
    String consume(ThingService service) {
        return Topics.SCREENING + service.status();
    }
}
