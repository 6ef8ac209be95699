package org.bridgeway.archfixture.bad.store;

import org.bridgeway.archfixture.bad.domain.ThingService;

public class CallsAUseCase {
    ThingService service;
}
