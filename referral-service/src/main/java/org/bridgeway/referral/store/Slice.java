package org.bridgeway.referral.store;

import java.util.List;

/** One page of rows and how many rows the whole query has. */
public record Slice<T>(List<T> items, long total) {}
