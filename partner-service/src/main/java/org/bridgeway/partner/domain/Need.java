package org.bridgeway.partner.domain;

/** A need code of the shared vocabulary with its label. */
public record Need(String code, String label, String description) {}
