package org.bridgeway.archfixture.bad.store;

import org.bridgeway.archfixture.bad.api.ThingDto;

public class ReturnsAnApiDto {
    ThingDto row;
}
