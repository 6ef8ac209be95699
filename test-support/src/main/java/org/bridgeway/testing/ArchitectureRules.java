package org.bridgeway.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;

/**
 * The layering of DESIGN.md §2 as ArchUnit rules, one set for every service: {@code api → domain → store} and
 * {@code messaging → domain}, never back up; SQL and persistence APIs only in {@code store} (and
 * {@code config}); no service imports another (they share only {@code events} and {@code platform}).
 * A service's test calls {@code ArchitectureRules.check("org.bridgeway.<service>")}.
 */
public final class ArchitectureRules {

    /** JDBC, JPA, Panache, Hibernate (not its validator) and Agroal: the types that make code talk SQL. */
    static final String[] SQL_PACKAGES = {
        "java.sql..", "javax.sql..", "jakarta.persistence..", "io.quarkus.hibernate.orm..", "io.agroal.."
    };

    private static final String SUITE = "org.bridgeway";

    private ArchitectureRules() {}

    /** Imports the service's production classes (not its tests) and fails with every violation listed. */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        EvaluationResult result = evaluate(classes, rootPackage);
        if (result.hasViolation()) {
            throw new AssertionError(String.join("\n", result.getFailureReport().getDetails()));
        }
    }

    /** Every rule over already imported classes: what a fixture test uses to show a rule bites. */
    public static EvaluationResult evaluate(JavaClasses classes, String rootPackage) {
        return CompositeArchRule.of(rules(rootPackage)).evaluate(classes);
    }

    public static List<ArchRule> rules(String rootPackage) {
        String api = rootPackage + ".api..";
        String domain = rootPackage + ".domain..";
        String store = rootPackage + ".store..";
        String messaging = rootPackage + ".messaging..";
        String config = rootPackage + ".config..";
        return List.of(
                        noClasses()
                                .that()
                                .resideInAPackage(domain)
                                .should()
                                .dependOnClassesThat()
                                .resideInAPackage(api)
                                .because("domain owns its command and result types; api maps at the edge"),
                        noClasses()
                                .that()
                                .resideInAPackage(store)
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(api, messaging)
                                .because("store is the bottom layer"),
                        noClasses()
                                .that()
                                .resideInAPackage(store)
                                .should()
                                .dependOnClassesThat(useCasesIn(domain))
                                .because("store may hold domain values, never call a use case back"),
                        noClasses()
                                .that()
                                .resideInAPackage(messaging)
                                .should()
                                .dependOnClassesThat()
                                .resideInAPackage(api)
                                .because("consumers hand events to use cases, not to resources"),
                        noClasses()
                                .that()
                                .resideInAPackage(rootPackage + "..")
                                .and()
                                .resideOutsideOfPackages(store, config)
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(SQL_PACKAGES)
                                .orShould()
                                .dependOnClassesThat(hibernateQueryApi())
                                .because("every line of SQL/HQL/JDBC lives in store"),
                        noClasses()
                                .that()
                                .resideInAPackage(rootPackage + "..")
                                .should()
                                .dependOnClassesThat(anotherServiceThan(rootPackage))
                                .because("services share only events/ and platform/, never each other's code"))
                .stream()
                .map(rule -> rule.allowEmptyShould(true))
                .toList();
    }

    /** A use case is a CDI bean of the domain layer (pure types, records and enums there are values). */
    private static DescribedPredicate<JavaClass> useCasesIn(String domain) {
        return resideInAPackage(domain)
                .and(annotatedWith("jakarta.enterprise.context.ApplicationScoped")
                        .or(annotatedWith("jakarta.enterprise.context.RequestScoped"))
                        .or(annotatedWith("jakarta.inject.Singleton")))
                .as("use cases in " + domain);
    }

    private static DescribedPredicate<JavaClass> hibernateQueryApi() {
        return resideInAPackage("org.hibernate..")
                .and(DescribedPredicate.not(resideInAPackage("org.hibernate.validator..")))
                .as("Hibernate ORM types");
    }

    private static DescribedPredicate<JavaClass> anotherServiceThan(String rootPackage) {
        return resideInAPackage(SUITE + "..")
                .and(DescribedPredicate.not(
                        resideInAnyPackage(rootPackage + "..", SUITE + ".platform..", SUITE + ".events..")))
                .as("another service's classes");
    }
}
