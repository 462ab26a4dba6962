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
import io.mops.common.outbox.Outbox;
import io.mops.common.security.ChannelScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports the files marketers download from their tools — an ad platform's cost report, a GA4 BigQuery export —
 * through the same path as the platform's own imports ({@link ImportTransaction}: streamed, one transaction, whole or
 * nothing, a report of every rejected line), mapping each campaign or visit to a channel with the CoE's channel
 * mapping rules in force when the import starts. A line no rule matches is rejected, and the answer counts the
 * unmapped values one by one, so that the CoE can add the rules and the file be imported again.
 * <p>
 * A CRM's won deals become conversions, each matched to a journey by click id or customer ({@link CrmMatch}); a
 * cost report's lines booked to a budget campaign are also published for budget-service, through the outbox in the
 * import's transaction.
 * <p>
 * Every event gets an id derived from what identifies it in the file (a cost line: platform, campaign and day; a GA4
 * event: user pseudo id, timestamp, name and bundle; a deal: CRM and deal id), so the same file imported twice — or a
 * later report repeating days already imported — adds nothing.
 */
@ApplicationScoped
public class ConnectorImportService {

    /** Unmatched CRM deals listed in the answer; beyond these only their count is given. */
    static final int UNMATCHED_LISTED = 1_000;

    private final ImportTransaction transaction;
    private final IngestInbox inbox;
    private final ChannelMappingStore mappings;
    private final Validator validator;
    private final Clock clock;
    private final Ga4Export ga4;
    private final Outbox outbox;
    private final CrmJourneys journeys;

    public ConnectorImportService(ImportTransaction transaction, IngestInbox inbox, ChannelMappingStore mappings,
                                  Validator validator, Clock clock, ObjectMapper json, ConnectorConfig config,
                                  Outbox outbox, CrmJourneys journeys) {
        this.transaction = transaction;
        this.outbox = outbox;
        this.journeys = journeys;
        this.inbox = inbox;
        this.mappings = mappings;
        this.validator = validator;
        this.clock = clock;
        this.ga4 = new Ga4Export(json, config.ga4().visitEvents(), config.ga4().keyEvents());
    }

    /**
     * A spend report with the event id of its line.
     *
     * @param booked whether the rule that mapped it names the budget campaign it is booked to
     */
    record Spend(UUID eventId, CampaignSpendReported report, boolean booked) {
    }

    /** A GA4 line: a touchpoint (with the gclid the visit came with, if any) or a conversion, with its event id. */
    record Ga4Line(UUID eventId, TouchpointObserved touchpoint, ConversionObserved conversion, String clickId) {
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
        AtomicLong published = new AtomicLong();
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
                                boolean booked = rule.get().budgetCampaignId() != null;
                                UUID campaignId = booked ? rule.get().budgetCampaignId()
                                        : derivedCampaignId(format, cost.campaign());
                                lines.line(new LineReader.Numbered<>(number, new Spend(spendEventId(format, cost),
                                        new CampaignSpendReported(campaignId, cost.day(), cost.cost(), cost.currency(),
                                                rule.get().channel()), booked)));
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
                (connection, batch) -> storeAndPublish(connection, batch, receivedAt, published),
                "the report holds no spend", unmapped::violations);
        return new ConnectorImportResult(format.key, mapping.version(), result.received(), result.stored(),
                result.duplicates(), ignored.get(), 0, 0, published.get());
    }

    /**
     * Stores a batch of spend and, on the same connection (so in the import's transaction), records in the outbox a
     * {@code CampaignSpendReported} for each newly stored line booked to a budget campaign: budget-service's hard cap
     * and pacing learn it from {@code mops.ingest.spend}. Only lines stored for the first time are published, so a
     * report imported again publishes nothing even after the outbox has purged the first publication; a line whose
     * rule names no budget campaign is not published, as budget-service has no campaign to book it to (it would
     * dead-letter it).
     *
     * @return how many lines were newly stored
     */
    private Uni<Integer> storeAndPublish(SqlConnection connection, List<Spend> batch, Instant receivedAt,
                                         AtomicLong published) {
        return inbox.storeSpendSayingWhich(connection, batch.stream()
                        .map(spend -> StoredSpend.of(spend.eventId(), spend.report(), receivedAt)).toList())
                .flatMap(stored -> outbox.recordAll(connection, batch.stream()
                                .filter(spend -> spend.booked() && stored.contains(spend.eventId()))
                                .map(spend -> outbox.entry(CampaignSpendReported.TYPE, spend.eventId(),
                                        spend.report().subject(), spend.report()))
                                .toList())
                        .invoke(published::addAndGet)
                        .replaceWith(stored.size()));
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
                                                visit.campaign(), "click", null, null), null, visit.gclid())));
                                    }
                                    case Ga4Event.KeyEvent key -> {
                                        conversions.incrementAndGet();
                                        lines.line(new LineReader.Numbered<>(number, new Ga4Line(id, null, new ConversionObserved(
                                                key.userId() != null ? key.userId() : key.pseudoId(), key.pseudoId(),
                                                key.occurredAt(), key.value(), key.currency()), null)));
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
                            .map(l -> withClickId(StoredTouchpoint.of(l.eventId(), l.touchpoint(), receivedAt),
                                    l.clickId())).toList();
                    List<StoredConversion> keys = batch.stream().filter(l -> l.conversion() != null)
                            .map(l -> StoredConversion.of(l.eventId(), l.conversion(), receivedAt)).toList();
                    Uni<Integer> storedVisits = visits.isEmpty() ? Uni.createFrom().item(0)
                            : inbox.storeTouchpoints(connection, visits);
                    return storedVisits.chain(v -> (keys.isEmpty() ? Uni.createFrom().item(0)
                            : inbox.storeConversions(connection, keys)).map(c -> v + c));
                },
                "the export holds no visits and no key events", unmapped::violations);
        return new ConnectorImportResult("ga4", mapping.version(), result.received(), result.stored(),
                result.duplicates(), ignored.get(), touchpoints.get(), conversions.get(), 0);
    }

    /** A won deal of a CRM export, with the event id of its conversion. */
    record Deal(long line, UUID eventId, CrmDeal deal) {
    }

    /** The conversion of a won deal: the same in every export that holds the deal. */
    static UUID dealEventId(CrmFormat format, CrmDeal deal) {
        return derived("crm|" + format.key + "|" + deal.id());
    }

    /**
     * Imports a CRM's won deals as conversions, each matched to a journey by click id or customer ({@link CrmMatch})
     * in the batch it is written with. A deal matching no journey is listed in the answer and not stored; a row
     * that cannot be read refuses the whole file, as in the other imports.
     */
    public CrmImportResult importCrm(CrmFormat format, Optional<String> currency, Reader body) {
        AtomicLong ignored = new AtomicLong();
        AtomicLong unmatched = new AtomicLong();
        List<RejectedLine> unmatchedLines = new ArrayList<>();
        Instant receivedAt = Instant.now(clock);
        CrmExport export = new CrmExport(format, currency);
        ImportResult result = transaction.run("crm", (LineReader.Sink<Deal> lines) -> export.read(body,
                        new CrmExport.Sink() {
                            @Override
                            public void deal(long number, CrmDeal deal) {
                                lines.line(new LineReader.Numbered<>(number,
                                        new Deal(number, dealEventId(format, deal), deal)));
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
                // The conversion's contract (a currency code, an amount the table holds) is known before the match.
                deal -> problems(new ConversionObserved(deal.deal().id(), null,
                        CrmMatch.convertedAt(deal.deal().closeDate()), deal.deal().amount(), deal.deal().currency())),
                deal -> {
                },
                (connection, batch) -> storeMatched(connection, batch, receivedAt, outcome -> {
                    if (unmatched.incrementAndGet() <= UNMATCHED_LISTED) {
                        unmatchedLines.add(outcome);
                    }
                }),
                "the export holds no won deals");
        long duplicates = result.received() - result.stored() - unmatched.get();
        return new CrmImportResult(format.key, result.received(), result.stored(), duplicates, unmatched.get(),
                ignored.get(), List.copyOf(unmatchedLines));
    }

    private Uni<Integer> storeMatched(SqlConnection connection, List<Deal> batch, Instant receivedAt,
                                      Consumer<RejectedLine> unmatched) {
        Set<String> clickIds = batch.stream().map(d -> d.deal().clickId()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> customers = batch.stream().map(d -> d.deal().customer())
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return journeys.byClickId(connection, clickIds).flatMap(byClickId -> journeys.byUser(connection, customers)
                .flatMap(byUser -> {
                    List<StoredConversion> conversions = new ArrayList<>(batch.size());
                    for (Deal deal : batch) {
                        CrmMatch.Outcome outcome = CrmMatch.match(deal.deal(), byClickId, byUser);
                        if (outcome.conversion() == null) {
                            unmatched.accept(new RejectedLine(deal.line(), outcome.unmatched()));
                        } else {
                            conversions.add(StoredConversion.of(deal.eventId(), outcome.conversion(), receivedAt));
                        }
                    }
                    return inbox.storeConversions(connection, conversions);
                }));
    }

    private static StoredTouchpoint withClickId(StoredTouchpoint touchpoint, String clickId) {
        // A gclid is about a hundred characters; a value past the column's 200 is no click id to match by.
        touchpoint.clickId = clickId != null && clickId.length() <= 200 ? clickId : null;
        return touchpoint;
    }

    private static Consumer<Ga4Line> admitTouchpoints(ChannelScope scope) {
        Consumer<Ga4Line> channels = ImportTransaction.writableChannels(scope,
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
