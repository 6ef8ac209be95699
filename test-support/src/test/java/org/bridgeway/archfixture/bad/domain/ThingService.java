package org.bridgeway.archfixture.bad.domain;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ThingService {}
