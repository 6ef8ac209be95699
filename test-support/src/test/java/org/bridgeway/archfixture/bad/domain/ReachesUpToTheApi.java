package org.bridgeway.archfixture.bad.domain;

import org.bridgeway.archfixture.bad.api.ThingDto;

public class ReachesUpToTheApi {
    ThingDto result;
}
