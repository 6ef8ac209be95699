package org.bridgeway.archfixture.good.api;

import org.bridgeway.archfixture.good.domain.ThingService;

public class ThingResource {
    ThingDto get(ThingService service) {
        return new ThingDto(service.status().name());
    }
}
