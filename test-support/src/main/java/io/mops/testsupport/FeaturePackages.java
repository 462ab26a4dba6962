package io.mops.testsupport;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one architecture rule every service holds to: its feature packages ({@code io.mops.<service>.<feature>})
 * depend on each other without cycles, so a feature can be read, changed and tested starting from its own package,
 * and data does not go back and forth between two of them. Each service's {@code FeaturePackagesTest} calls this.
 */
public final class FeaturePackages {

    private FeaturePackages() {
    }

    /** Fails naming every cycle between the feature packages under {@code io.mops.<service>}. */
    public static void assertFreeOfCycles(String service) {
        String root = "io.mops." + service;
        // Only the service's own classes matter for its package cycles; resolving every library class they touch
        // from the class path (ArchUnit's default) costs a minute under Quarkus's class path.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
        slices().matching(root + ".(*)..").namingSlices("feature '$1'").should().beFreeOfCycles()
                .because("each feature package of " + service + " depends on others in one direction only "
                        + "(issue 18; docs/architecture.md, \"Packages by feature\")")
                .check(classes);
    }
}
