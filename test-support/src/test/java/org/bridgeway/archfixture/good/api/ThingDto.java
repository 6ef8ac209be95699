package org.bridgeway.archfixture.good.api;

public record ThingDto(String status) {}
