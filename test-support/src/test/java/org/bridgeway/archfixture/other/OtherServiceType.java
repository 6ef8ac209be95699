package org.bridgeway.archfixture.other;

public class OtherServiceType {}
