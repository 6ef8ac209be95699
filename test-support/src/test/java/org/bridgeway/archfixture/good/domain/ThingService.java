package org.bridgeway.archfixture.good.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.bridgeway.archfixture.good.store.ThingStore;

@ApplicationScoped
public class ThingService {
    ThingStore store;

    public ThingStatus status() {
        return store.status();
    }
}
