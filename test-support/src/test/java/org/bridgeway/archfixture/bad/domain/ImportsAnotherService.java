package org.bridgeway.archfixture.bad.domain;

import org.bridgeway.archfixture.other.OtherServiceType;

public class ImportsAnotherService {
    OtherServiceType borrowed;
}
