package io.mops.common.events;

/**
 * Kafka topic names. Partition counts are set where the topics are created ({@code infra/kafka/topics}) and
 * documented in {@code docs/events.md}.
 *
 * <p>These are the platform's names. An environment may put a prefix before all of them (configuration key
 * {@code mops.topic-prefix}, environment variable {@code MOPS_TOPIC_PREFIX}); every channel's topic in the services'
 * configuration is written {@code ${mops.topic-prefix:}<name>} and the outbox relay adds the same prefix. Tests use
 * {@code test.}. Every {@code String} constant here is a topic that must exist (the manifests are checked for it).
 */
public final class Topics {

    public static final String CHANNEL_PERFORMANCE = "mops.attribution.channel-performance";
    public static final String BUDGET_EVENTS = "mops.budget.events";
    public static final String TESTING_EVENTS = "mops.testing.events";
    public static final String QA_EVENTS = "mops.qa.events";
    public static final String APPROVAL_REQUESTS = "mops.approval.requests";
    public static final String APPROVAL_DECISIONS = "mops.approval.decisions";
    /** Raw facts from channel integrations, keyed by the user or campaign they concern. */
    public static final String INGEST_TOUCHPOINTS = "mops.ingest.touchpoints";
    public static final String INGEST_CONVERSIONS = "mops.ingest.conversions";
    public static final String INGEST_SPEND = "mops.ingest.spend";
    /** Experiment exposures and outcomes from the channels' delivery systems, keyed by experiment. */
    public static final String INGEST_EXPOSURES = "mops.ingest.exposures";
    public static final String INGEST_OUTCOMES = "mops.ingest.outcomes";
    /** Messages no consumer could parse or validate, with the reason in the {@code dead-letter-reason} header. */
    public static final String DEAD_LETTER = "mops.dlq";

    private Topics() {
    }
}
