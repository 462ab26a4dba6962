package io.mops.qa.ruleset;

import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.problem.Problem;
import io.mops.qa.rules.CampaignQa;
import io.mops.qa.rules.InvalidRuleBookException;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleBookReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published rule sets and the QA engines built from them. A version never changes once published, so each one
 * is read and compiled once and then shared by every run that uses it.
 */
@ApplicationScoped
public class RuleSetCatalog {

    public static final String DEFAULT = "mops-default";
    static final String BUNDLED_AUTHOR = "qa-service (bundled default)";

    private final RuleBookReader reader = new RuleBookReader();
    private final Map<String, CampaignQa> compiled = new ConcurrentHashMap<>();
    private final Clock clock;

    public RuleSetCatalog(Clock clock) {
        this.clock = clock;
    }

    /**
     * The bundled default becomes version 1 of {@value #DEFAULT} the first time the service starts on a database.
     * When a newer release bundles a different default (new rules, say), it is published as the next version — but
     * only while the newest version is still the bundled one: once the CoE has published its own version of
     * {@value #DEFAULT}, that rule set is theirs and an upgrade never overrides it.
     */
    void seedBundledDefault(@Observes StartupEvent start) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> RuleSet.latest(DEFAULT).flatMap(existing -> {
            RuleBook bundled = reader.bundledDefault();
            if (existing == null) {
                return store(bundled.withVersion(1), BUNDLED_AUTHOR).replaceWithVoid();
            }
            if (!BUNDLED_AUTHOR.equals(existing.createdBy)
                    || existing.document.equals(reader.write(bundled.withVersion(existing.version)))) {
                return Uni.createFrom().voidItem();
            }
            Log.infof("the bundled %s rule set changed: publishing it as version %d", DEFAULT, existing.version + 1);
            return store(bundled.withVersion(existing.version + 1), BUNDLED_AUTHOR).replaceWithVoid();
        })).onFailure().recoverWithUni(e -> {
            // Another instance seeding at the same moment wins the unique (name, version); nothing is lost.
            Log.infof("bundled rule set not seeded here: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }));
    }

    /** The QA engine of the newest version of {@code name}. */
    public Uni<CampaignQa> current(String name) {
        return RuleSet.latest(name).map(stored -> {
            if (stored == null) {
                throw new InvalidRequestException("ruleSet", "no rule set named '" + name + "'");
            }
            return compiled(stored);
        });
    }

    public Uni<RuleSet> version(String name, int version) {
        return RuleSet.version(name, version).map(stored -> {
            if (stored == null) {
                throw new NotFoundProblem("rule set " + name + " has no version " + version);
            }
            return stored;
        });
    }

    /** Publishes {@code document} as the next version of the rule set it names; earlier versions stay as they were. */
    public Uni<RuleSet> publish(String document, String author) {
        RuleBook book;
        try {
            book = reader.read(document);
        } catch (InvalidRuleBookException e) {
            throw new InvalidRequestException("the rule set cannot be used: " + e.getMessage(), e.problems().stream()
                    .map(p -> new Problem.Violation(p.field(), p.reason())).toList());
        }
        return Panache.withTransaction(() -> RuleSet.latest(book.name())
                        .flatMap(latest -> store(book.withVersion(latest == null ? 1 : latest.version + 1), author)))
                .onFailure(org.hibernate.exception.ConstraintViolationException.class)
                .transform(e -> new ConflictProblem("another version of rule set '" + book.name()
                        + "' was published at the same time; publish again"));
    }

    private Uni<RuleSet> store(RuleBook book, String author) {
        RuleSet row = new RuleSet();
        row.id = UUID.randomUUID();
        row.name = book.name();
        row.version = book.version();
        row.region = book.region();
        row.description = book.description();
        row.document = reader.write(book);
        row.createdBy = author;
        row.createdAt = Instant.now(clock);
        return row.persist();
    }

    private CampaignQa compiled(RuleSet stored) {
        return compiled.computeIfAbsent(stored.name + "@" + stored.version, key -> new CampaignQa(reader.read(stored.document)));
    }
}
