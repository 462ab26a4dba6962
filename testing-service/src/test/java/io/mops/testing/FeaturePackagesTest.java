package io.mops.testing;

import io.mops.testsupport.FeaturePackages;
import org.junit.jupiter.api.Test;

/** No cycles between this service's feature packages (the rule every service shares, in test-support). */
class FeaturePackagesTest {

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        FeaturePackages.assertFreeOfCycles("testing");
    }
}
