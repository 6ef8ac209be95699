package org.bridgeway.archfixture.bad.api;

public record ThingDto(String status) {}
