package io.mops.attribution.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.attribution.ingest.ImportResult;
import io.mops.attribution.ingest.ImportTransaction;
import io.mops.attribution.ingest.IngestInbox;
import io.mops.attribution.ingest.StoredConversion;
import io.mops.attribution.ingest.StoredSpend;
import io.mops.attribution.ingest.StoredTouchpoint;
import io.mops.attribution.lines.LineReader;
import io.mops.attribution.lines.RejectedLine;
import io.mops.attribution.mapping.ChannelMapping;
import io.mops.attribution.mapping.ChannelMappingStore;
import io.mops.attribution.mapping.MappingRule;
import io.mops.common.events.CampaignSpendReported;
import io.mops.common.events.ConversionObserved;
import io.mops.common.events.TouchpointObserved;
import io.mops.common.security.ChannelScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Imports the files marketers download from their tools — an ad platform's cost report, a GA4 BigQuery export —
 * through the same path as the platform's own imports ({@link ImportTransaction}: streamed, one transaction, whole or
 * nothing, a report of every rejected line), mapping each campaign or visit to a channel with the CoE's channel
 * mapping rules in force when the import starts. A line no rule matches is rejected, and the answer counts the
 * unmapped values one by one, so that the CoE can add the rules and the file be imported again.
 * <p>
 * Every event gets an id derived from what identifies it in the file (a cost line: platform, campaign and day; a GA4
 * event: user pseudo id, timestamp, name and bundle), so the same file imported twice — or a later report repeating
 * days already imported — adds nothing.
 */
@ApplicationScoped
public class ConnectorImportService {

    private final ImportTransaction transaction;
    private final IngestInbox inbox;
    private final ChannelMappingStore mappings;
    private final Validator validator;
    private final Clock clock;
    private final Ga4Export ga4;

    public ConnectorImportService(ImportTransaction transaction, IngestInbox inbox, ChannelMappingStore mappings,
                                  Validator validator, Clock clock, ObjectMapper json, ConnectorConfig config) {
        this.transaction = transaction;
        this.inbox = inbox;
        this.mappings = mappings;
        this.validator = validator;
        this.clock = clock;
        this.ga4 = new Ga4Export(json, config.ga4().visitEvents(), config.ga4().keyEvents());
    }

    /** A spend report with the event id of its line. */
    record Spend(UUID eventId, CampaignSpendReported report) {
    }

    /** A GA4 line: a touchpoint or a conversion, with its event id. */
    record Ga4Line(UUID eventId, TouchpointObserved touchpoint, ConversionObserved conversion) {
    }

    /** The id of the spend of one platform's campaign on one day, the same in every report that holds it. */
    static UUID spendEventId(CostReportFormat format, CostLine line) {
        return derived("cost|" + format.key + "|" + line.campaign() + "|" + line.day());
    }

    /** The budget campaign of a platform's campaign that no rule books to one. */
    static UUID derivedCampaignId(CostReportFormat format, String campaign) {
        return derived("campaign|" + format.key + "|" + campaign);
    }

    static UUID ga4EventId(Ga4Event event) {
        return derived("ga4|" + event.key());
    }

    private static UUID derived(String identity) {
        return UUID.nameUUIDFromBytes(("mops-connector|" + identity).getBytes(StandardCharsets.UTF_8));
    }

    public ConnectorImportResult importCostReport(CostReportFormat format, Optional<String> currency, Reader body,
                                                  ChannelScope scope) {
        ChannelMapping mapping = mappings.current().await().indefinitely();
        UnmappedValues unmapped = new UnmappedValues();
        AtomicLong ignored = new AtomicLong();
        Instant receivedAt = Instant.now(clock);
        CostReport report = new CostReport(format, currency);
        ImportResult result = transaction.run("spend", (LineReader.Sink<Spend> lines) -> report.read(body,
                        new CostReport.Sink() {
                            @Override
                            public void line(long number, CostLine cost) {
                                Optional<MappingRule> rule = mapping.match(format.source, format.medium, cost.campaign());
                                if (rule.isEmpty()) {
                                    String key = UnmappedValues.key(format.source, format.medium, cost.campaign());
                                    unmapped.count(key);
                                    lines.rejected(new RejectedLine(number, "no channel mapping rule matches " + key));
                                    return;
                                }
                                UUID campaignId = rule.get().budgetCampaignId() != null ? rule.get().budgetCampaignId()
                                        : derivedCampaignId(format, cost.campaign());
                                lines.line(new LineReader.Numbered<>(number, new Spend(spendEventId(format, cost),
                                        new CampaignSpendReported(campaignId, cost.day(), cost.cost(), cost.currency(),
                                                rule.get().channel()))));
                            }

                            @Override
                            public void rejected(RejectedLine rejected) {
                                lines.rejected(rejected);
                            }

                            @Override
                            public void ignored(long number) {
                                ignored.incrementAndGet();
                            }
                        }),
                spend -> problems(spend.report()),
                ImportTransaction.writableChannels(scope, (Spend spend) -> spend.report().channel()),
                (connection, batch) -> inbox.storeSpend(connection, batch.stream()
                        .map(spend -> StoredSpend.of(spend.eventId(), spend.report(), receivedAt)).toList()),
                "the report holds no spend", unmapped::violations);
        return new ConnectorImportResult(format.key, mapping.version(), result.received(), result.stored(),
                result.duplicates(), ignored.get(), 0, 0);
    }

    public ConnectorImportResult importGa4(Reader body, ChannelScope scope) {
        ChannelMapping mapping = mappings.current().await().indefinitely();
        UnmappedValues unmapped = new UnmappedValues();
        AtomicLong ignored = new AtomicLong();
        AtomicLong touchpoints = new AtomicLong();
        AtomicLong conversions = new AtomicLong();
        Instant receivedAt = Instant.now(clock);
        ImportResult result = transaction.run("ga4", (LineReader.Sink<Ga4Line> lines) -> ga4.read(body,
                        new Ga4Export.Sink() {
                            @Override
                            public void event(long number, Ga4Event event) {
                                UUID id = ga4EventId(event);
                                switch (event) {
                                    case Ga4Event.Visit visit -> {
                                        Optional<MappingRule> rule = mapping.match(visit.source(), visit.medium(),
                                                visit.campaign());
                                        if (rule.isEmpty()) {
                                            String key = UnmappedValues.key(visit.source(), visit.medium(), visit.campaign());
                                            unmapped.count(key);
                                            lines.rejected(new RejectedLine(number, "no channel mapping rule matches " + key));
                                            return;
                                        }
                                        touchpoints.incrementAndGet();
                                        lines.line(new LineReader.Numbered<>(number, new Ga4Line(id, new TouchpointObserved(
                                                visit.userId(), visit.pseudoId(), visit.occurredAt(), rule.get().channel(),
                                                visit.campaign(), "click", null, null), null)));
                                    }
                                    case Ga4Event.KeyEvent key -> {
                                        conversions.incrementAndGet();
                                        lines.line(new LineReader.Numbered<>(number, new Ga4Line(id, null, new ConversionObserved(
                                                key.userId() != null ? key.userId() : key.pseudoId(), key.pseudoId(),
                                                key.occurredAt(), key.value(), key.currency()))));
                                    }
                                }
                            }

                            @Override
                            public void rejected(RejectedLine rejected) {
                                lines.rejected(rejected);
                            }

                            @Override
                            public void ignored(long number) {
                                ignored.incrementAndGet();
                            }
                        }),
                line -> problems(line.touchpoint() != null ? line.touchpoint() : line.conversion()),
                admitTouchpoints(scope),
                (connection, batch) -> {
                    List<StoredTouchpoint> visits = batch.stream().filter(l -> l.touchpoint() != null)
                            .map(l -> StoredTouchpoint.of(l.eventId(), l.touchpoint(), receivedAt)).toList();
                    List<StoredConversion> keys = batch.stream().filter(l -> l.conversion() != null)
                            .map(l -> StoredConversion.of(l.eventId(), l.conversion(), receivedAt)).toList();
                    Uni<Integer> storedVisits = visits.isEmpty() ? Uni.createFrom().item(0)
                            : inbox.storeTouchpoints(connection, visits);
                    return storedVisits.chain(v -> (keys.isEmpty() ? Uni.createFrom().item(0)
                            : inbox.storeConversions(connection, keys)).map(c -> v + c));
                },
                "the export holds no visits and no key events", unmapped::violations);
        return new ConnectorImportResult("ga4", mapping.version(), result.received(), result.stored(),
                result.duplicates(), ignored.get(), touchpoints.get(), conversions.get());
    }

    private static java.util.function.Consumer<Ga4Line> admitTouchpoints(ChannelScope scope) {
        java.util.function.Consumer<Ga4Line> channels = ImportTransaction.writableChannels(scope,
                (Ga4Line line) -> line.touchpoint().channel());
        return line -> {
            if (line.touchpoint() != null) {
                channels.accept(line);
            }
        };
    }

    /** @return the event's problems as one text, {@code null} when it has none */
    private String problems(Object event) {
        var violations = validator.validate(event);
        if (violations.isEmpty()) {
            return null;
        }
        return violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
    }
}
