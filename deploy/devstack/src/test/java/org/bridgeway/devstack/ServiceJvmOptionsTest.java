package org.bridgeway.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServiceJvmOptionsTest {

    @Test
    void nativeHeapTrimmingOnlyWhereTheJvmKnowsTheFlag() {
        assertFalse(Devstack.trimsNativeHeap(Runtime.Version.parse("17.0.8")));
        assertTrue(Devstack.trimsNativeHeap(Runtime.Version.parse("17.0.9")));
        assertFalse(Devstack.trimsNativeHeap(Runtime.Version.parse("20.0.2")));
        assertFalse(Devstack.trimsNativeHeap(Runtime.Version.parse("21")));
        assertTrue(Devstack.trimsNativeHeap(Runtime.Version.parse("21.0.1")));
        assertTrue(Devstack.trimsNativeHeap(Runtime.Version.parse("25")));
    }

    @Test
    void theServicesStartWithTrimmingOnAJvmThatHasItAndWithoutOnOneThatHasNot() {
        assertEquals(
                Devstack.SERVICE_JVM_OPTIONS + Devstack.TRIM_NATIVE_HEAP,
                Devstack.serviceJvmOptions(Runtime.Version.parse("17.0.15")));
        assertEquals(Devstack.SERVICE_JVM_OPTIONS, Devstack.serviceJvmOptions(Runtime.Version.parse("17.0.2")));
    }
}
