package org.dicommeta.it.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import org.dicommeta.ports.StoreProvider;

/**
 * The dependency rules of STYLE.md, one field per sentence, over the main classes of every module on the
 * test class path (tests excluded, whatever the build directory is called).
 */
@AnalyzeClasses(packages = "org.dicommeta",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureIT.NoTestClasses.class})
class ArchitectureIT {

    /**
     * Excludes test classes of any build directory: ArchUnit's own option knows only {@code target/test-classes},
     * and parallel builds here use {@code -Ddm.build.dir=target-<name>}.
     */
    static final class NoTestClasses implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static final String DOMAIN = "org.dicommeta.domain..";
    private static final String PORTS = "org.dicommeta.ports..";
    private static final String CORE = "org.dicommeta.core..";
    private static final String ADAPTERS = "org.dicommeta.adapter..";
    private static final String CLI = "org.dicommeta.cli..";

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk_and_the_dicom_model =
            classes().that().resideInAPackage(DOMAIN)
                    .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "org.dicommeta.codec");

    @ArchTest
    static final ArchRule ports_depend_only_on_the_domain =
            classes().that().resideInAPackage(PORTS)
                    .should().onlyDependOnClassesThat(resideInAnyPackage("java..", PORTS, DOMAIN)
                            .and(not(resideInAnyPackage("java.sql..", "com.mongodb..", "org.bson.."))))
                    .because("ports expose no driver type (java.sql, com.mongodb, org.bson)");

    @ArchTest
    static final ArchRule adapters_depend_on_ports_never_on_core_or_on_each_other = CompositeArchRule
            .of(noClasses().that().resideInAPackage(ADAPTERS)
                    .should().dependOnClassesThat().resideInAnyPackage(CORE, CLI, "org.dicommeta.tck..",
                            "org.dicommeta.benchmarks.."))
            .and(slices().matching("org.dicommeta.adapter.(*)..").should().notDependOnEachOther());

    @ArchTest
    static final ArchRule core_never_depends_on_an_adapter =
            noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat().resideInAPackage(ADAPTERS);

    @ArchTest
    static final ArchRule adapter_internals_are_package_private =
            classes().that().resideInAPackage(ADAPTERS).and().arePublic()
                    .should(new ArchCondition<JavaClass>("be the provider or its settings") {
                        @Override
                        public void check(JavaClass c, ConditionEvents events) {
                            boolean allowed = isProviderOrSettings(c);
                            events.add(new SimpleConditionEvent(c, allowed, c.getName()
                                    + (allowed ? " is" : " is public but neither a StoreProvider nor its settings")));
                        }
                    });

    @ArchTest
    static final ArchRule providers_are_service_loadable =
            classes().that().implement(StoreProvider.class).and().doNotHaveModifier(JavaModifier.ABSTRACT)
                    .should(new ArchCondition<JavaClass>("be public, have a public no-argument constructor and be "
                            + "listed in META-INF/services/" + StoreProvider.class.getName()) {
                        @Override
                        public void check(JavaClass c, ConditionEvents events) {
                            boolean isPublic = c.getModifiers().contains(JavaModifier.PUBLIC);
                            boolean noArg = c.getConstructors().stream().anyMatch(k -> k.getRawParameterTypes().isEmpty()
                                    && k.getModifiers().contains(JavaModifier.PUBLIC));
                            boolean listed = registeredProviders().contains(c.getName());
                            events.add(new SimpleConditionEvent(c, isPublic && noArg && listed, c.getName()
                                    + ": public=" + isPublic + ", public no-arg constructor=" + noArg
                                    + ", listed in META-INF/services=" + listed));
                        }
                    });

    @ArchTest
    static final ArchRule no_cycles_between_packages =
            slices().matching("org.dicommeta.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_standard_streams_outside_the_cli =
            noClasses().that().resideOutsideOfPackage(CLI).should(ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule no_java_util_logging = noClasses().should(USE_JAVA_UTIL_LOGGING)
            .because("the library logs through System.Logger");

    /** A provider, a settings type, or a type nested in one (a settings record's option enum is its API). */
    private static boolean isProviderOrSettings(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (k.isAssignableTo(StoreProvider.class) || k.getSimpleName().endsWith("Settings")) {
                return true;
            }
        }
        return false;
    }

    /** Every class name listed in a provider-configuration file on the class path. */
    private static Set<String> registeredProviders() {
        Set<String> names = new HashSet<>();
        try {
            Enumeration<URL> files = ArchitectureIT.class.getClassLoader()
                    .getResources("META-INF/services/" + StoreProvider.class.getName());
            while (files.hasMoreElements()) {
                URL url = files.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        int hash = line.indexOf('#');
                        String name = (hash < 0 ? line : line.substring(0, hash)).strip();
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the provider-configuration files", e);
        }
        return names;
    }
}
