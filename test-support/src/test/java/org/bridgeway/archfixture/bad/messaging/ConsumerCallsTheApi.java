package org.bridgeway.archfixture.bad.messaging;

import org.bridgeway.archfixture.bad.api.ThingDto;

public class ConsumerCallsTheApi {
    ThingDto dto;
}
