package io.mops.qa.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mops.common.events.ApprovalRequested;
import io.mops.common.events.EventEnvelope;
import io.mops.common.events.QaCompleted;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.security.Caller;
import io.mops.qa.brand.BrandCorpus;
import io.mops.qa.brand.BrandVoiceCheck;
import io.mops.qa.brand.CorpusExample;
import io.mops.qa.brand.Resemblance;
import io.mops.qa.budget.BudgetHoldCheck;
import io.mops.qa.budget.BudgetLedger;
import io.mops.qa.budget.BudgetLookup;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.Creatives;
import io.mops.qa.clearance.LaunchClearance;
import io.mops.qa.forecast.CampaignResults;
import io.mops.qa.forecast.ForecastTrackRecord;
import io.mops.qa.forecast.PerformanceForecast;
import io.mops.qa.forecast.PastCampaign;
import io.mops.qa.forecast.PerformanceForecastCheck;
import io.mops.qa.links.LinkChecking;
import io.mops.qa.review.AiReview;
import io.mops.qa.review.AiReviewFindings;
import io.mops.qa.review.AiReviewOutcome;
import io.mops.qa.review.CopyReview;
import io.mops.qa.review.CopyUnderReview;
import io.mops.qa.rules.CampaignQa;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Dismissals;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.QaResult;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;
import io.mops.qa.rules.Verdict;
import io.mops.qa.spam.SpamChecking;
import io.mops.qa.ruleset.RuleSetCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs QA on a submission, stores the run and announces it, in one transaction (the outbox makes the two agree). A
 * needs-approval run also asks approval-service for a person's decision in that same transaction, so that no run
 * waits for a decision nobody was asked for. The rates the run forecast enter the track record in that transaction
 * too, so that every stored run's forecast is there to be compared with the campaign's results.
 */
@ApplicationScoped
public class QaRunService {

    private final RuleSetCatalog catalog;
    private final BrandCorpus brands;
    private final AiReview aiReview;
    private final CampaignResults results;
    private final PerformanceForecastCheck forecast = new PerformanceForecastCheck();
    private final ForecastTrackRecord trackRecord;
    private final BudgetLedger budgets;
    private final BudgetHoldCheck budgetHold = new BudgetHoldCheck();
    private final LinkChecking links;
    private final SpamChecking spam;
    private final Outbox outbox;
    private final LaunchClearance clearance;
    private final ObjectMapper json;
    private final ObjectMapper canonicalJson;
    private final Clock clock;

    public QaRunService(RuleSetCatalog catalog, BrandCorpus brands, AiReview aiReview, CampaignResults results,
                        BudgetLedger budgets, ForecastTrackRecord trackRecord, LinkChecking links,
                        SpamChecking spam, Outbox outbox, LaunchClearance clearance, ObjectMapper json, Clock clock) {
        this.spam = spam;
        this.clearance = clearance;
        this.clock = clock;
        this.links = links;
        this.trackRecord = trackRecord;
        this.catalog = catalog;
        this.brands = brands;
        this.aiReview = aiReview;
        this.results = results;
        this.budgets = budgets;
        this.outbox = outbox;
        this.json = json;
        this.canonicalJson = json.copy()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /**
     * The review itself runs on a worker thread: a typical campaign takes well under a millisecond, but a creative at
     * the size limit built to be pathological takes a second or more, embedding the copy for the brand voice takes
     * tens of milliseconds of CPU, and asking a chat model for its review takes seconds of waiting; none of it may
     * stall the event loop that serves every other request, and neither may resolving the campaign's links and
     * images. Reading the rule set, the brand's corpus, the channel's
     * past results and a remembered AI review, and storing the run, stay on the request's own context, as Hibernate
     * Reactive requires.
     */
    public Uni<QaRunView> run(CampaignSubmission submission, String ruleSetName, String requestedBy) {
        Context request = Vertx.currentContext();
        CopyUnderReview copy = CopyUnderReview.of(submission);
        return Panache.withSession(() -> catalog.current(ruleSetName)
                        .invoke(qa -> requireCreativeFor(submission, qa.ruleBook()))
                        .flatMap(qa -> brands.examplesOf(submission.brand())
                                .flatMap(corpus -> history(qa, submission.channel())
                                        .flatMap(history -> rememberedReview(qa, copy)
                                                .map(remembered -> new Review(qa, corpus, history, copy,
                                                        remembered))))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(review -> review.of(submission, LocalDate.now(clock), this))
                .emitOn(command -> request.runOnContext(ignored -> command.run()))
                .flatMap(reviewed -> Panache.withTransaction(() -> aiReview
                        .remember(copy, reviewed.aiReview(), reviewed.remembered())
                        .chain(() -> store(submission, reviewed, requestedBy))));
    }

    private Uni<List<PastCampaign>> history(CampaignQa qa, String channel) {
        return qa.ruleBook().enabled(RuleIds.PERFORMANCE_FORECAST).isPresent()
                ? results.historyOf(channel)
                : Uni.createFrom().item(List.of());
    }

    /** A remembered review is only looked for when the rule set asks for the AI review at all. */
    private Uni<Optional<CopyReview>> rememberedReview(CampaignQa qa, CopyUnderReview copy) {
        return qa.ruleBook().enabled(RuleIds.AI_REVIEW).isPresent()
                ? aiReview.remembered(copy)
                : Uni.createFrom().item(Optional.empty());
    }

    /**
     * A rule engine, the corpus of the submission's brand, the channel's past results and any remembered AI review,
     * read before the review.
     */
    private record Review(CampaignQa qa, List<CorpusExample> corpus, List<PastCampaign> history, CopyUnderReview copy,
                          Optional<CopyReview> remembered) {

        Reviewed of(CampaignSubmission submission, LocalDate today, QaRunService service) {
            RuleBook book = qa.ruleBook();
            QaResult rules = qa.review(submission, today);
            AiReviewOutcome ai = book.enabled(RuleIds.AI_REVIEW).isPresent()
                    ? service.aiReview.review(copy, remembered)
                    : new AiReviewOutcome.Skipped("rule " + RuleIds.AI_REVIEW + " is not in the rule set");
            BrandVoiceCheck.Outcome voice = service.brands.check().judge(submission, book, corpus);
            List<Finding> more = new ArrayList<>(voice.findings());
            PerformanceForecastCheck.Checked forecast = service.forecast.check(submission, book, history);
            more.addAll(forecast.findings());
            more.addAll(service.budgetHold.review(submission, book, service.budgetLookup(submission, book)));
            more.addAll(AiReviewFindings.of(ai, book));
            // Resolving links and images and asking spamd for a score are network I/O: here on the worker thread with
            // the other slow checks.
            CampaignUnderReview campaign = new CampaignUnderReview(submission, book, today);
            more.addAll(service.links.check().review(campaign));
            more.addAll(service.spam.check().review(campaign));
            return new Reviewed(rules.with(more, book.riskWeights()), voice.nearest(), ai, remembered,
                    forecast.forecast());
        }
    }

    /** Blocking (a call to budget-service): on the worker thread, with the other slow parts of the review. */
    private BudgetLookup budgetLookup(CampaignSubmission submission, RuleBook book) {
        if (!BudgetHoldCheck.applies(submission, book) || submission.budgetCampaignId() == null) {
            return new BudgetLookup.NotLinked();
        }
        return budgets.lookUp(submission.budgetCampaignId());
    }

    /**
     * The result of a review, with the brand examples the copy was compared with (for the approver), the AI
     * review's outcome so that a new valid review can be remembered, and the performance forecast so that it enters
     * the track record.
     */
    private record Reviewed(QaResult result, List<Resemblance> brandNeighbours, AiReviewOutcome aiReview,
                            Optional<CopyReview> remembered, Optional<PerformanceForecast> forecast) {
    }

    private Uni<QaRunView> store(CampaignSubmission submission, Reviewed reviewed, String requestedBy) {
        QaResult result = reviewed.result();
        List<Resemblance> brandNeighbours = reviewed.brandNeighbours();
        QaRun run = new QaRun();
        run.id = UUID.randomUUID();
        run.campaignId = submission.campaignId();
        run.channel = submission.channel();
        run.verdict = result.verdict().code();
        run.riskScore = result.riskScore();
        run.ruleSet = result.ruleSet();
        run.ruleSetVersion = result.ruleSetVersion();
        run.inputDigest = digest(submission);
        List<FindingView> findings = result.findings().stream().map(FindingView::of).toList();
        run.findings = write(findings);
        run.requestedBy = requestedBy;
        run.createdAt = Instant.now(clock);
        run.budgetCampaignId = submission.budgetCampaignId();
        boolean needsApproval = result.verdict() == Verdict.NEEDS_APPROVAL;
        run.approval = needsApproval ? QaRun.Approval.PENDING : null;
        QaCompleted event = new QaCompleted(run.id, run.campaignId, run.channel, run.verdict, run.riskScore,
                run.ruleSet, run.ruleSetVersion, (int) result.count(Severity.BLOCK),
                (int) result.count(Severity.WARN), (int) result.count(Severity.INFO),
                List.copyOf(new TreeSet<>(result.findings().stream().map(Finding::ruleId).toList())));
        Optional<PerformanceForecast> runForecast = reviewed.forecast();
        return run.<QaRun>persist()
                .call(() -> reviewed.forecast()
                        .map(forecast -> trackRecord.open(run.id, run.campaignId, run.createdAt, forecast))
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .chain(() -> outbox.record(QaCompleted.TYPE, event.subject(), event))
                .call(() -> needsApproval ? askForApproval(submission, run, result, brandNeighbours, runForecast)
                        .invoke(asked -> run.approvalId = asked.id()) : Uni.createFrom().voidItem())
                .call(() -> clearance.afterRun(run.forClearance()))
                .map(envelope -> view(run, findings, envelope.id()));
    }

    private Uni<EventEnvelope> askForApproval(CampaignSubmission submission, QaRun run, QaResult result,
                                  List<Resemblance> brandNeighbours, Optional<PerformanceForecast> forecast) {
        LaunchApprovalRequest request = LaunchApprovalRequest.of(run.id, run.campaignId, submission.name(),
                run.channel, result, run.requestedBy);
        ApprovalRequested asked = new ApprovalRequested(LaunchApprovalRequest.KIND, request.reference(),
                request.channel(), request.summary(), request.explanation(), null, null, request.requestedBy(), null,
                LaunchApprovalRequest.risk(result), LaunchApprovalRequest.evidence(run.id, run.campaignId,
                submission.brand(), submission, result, brandNeighbours, forecast));
        return outbox.record(ApprovalRequested.TYPE, "qa-run:" + run.id, asked);
    }

    /** A run the caller may see: its own channel's, or any for the CoE. Others' runs do not exist for the caller. */
    public Uni<QaRunView> find(UUID id, Caller caller) {
        return QaRun.<QaRun>findById(id).flatMap(run -> {
            if (run == null || !caller.mayAccess(run.channel)) {
                throw new NotFoundProblem("no QA run " + id);
            }
            return FindingDismissal.ofRuns(List.of(run.id)).map(dismissals -> view(run, dismissals));
        });
    }

    /** A campaign's runs the caller may see, newest first. */
    public Uni<List<QaRunView>> ofCampaign(String campaignId, Optional<String> visibleChannel, int limit) {
        return QaRun.ofCampaign(campaignId, visibleChannel, limit)
                .flatMap(runs -> FindingDismissal.ofRuns(runs.stream().map(r -> r.id).toList())
                        .map(dismissals -> runs.stream().map(run -> view(run, dismissals)).toList()));
    }

    /**
     * The CoE dismisses a needs-review finding with a reason: someone looked at what the check could not decide. The
     * dismissal is recorded beside the findings, once per finding, and shown with the finding from then on; the
     * findings and the risk index stay as QA found them. A dismissed finding no longer counts towards the verdict:
     * the run is judged again from the findings that remain ({@link Dismissals}) and its new verdict stored. When that
     * makes it pass, it clears the campaign as a passing run does (if it is the campaign's newest run), in the same
     * transaction as the dismissal.
     */
    public Uni<QaRunView> dismiss(UUID runId, int index, String reason, String dismissedBy) {
        // The run's row is locked so that two dismissals of different findings of one run, at the same moment, each
        // judge the run with the other's dismissal in view, and neither stores a verdict that ignores the other.
        return Panache.withTransaction(() -> QaRun.<QaRun>findById(runId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(run -> {
            if (run == null) {
                throw new NotFoundProblem("no QA run " + runId);
            }
            List<FindingView> findings = read(run.findings);
            if (index < 0 || index >= findings.size()) {
                throw new NotFoundProblem("QA run " + runId + " has no finding " + index + " (it has "
                        + findings.size() + ")");
            }
            FindingView finding = findings.get(index);
            if (!Dismissals.dismissible(finding.toFinding())) {
                throw new ConflictProblem("finding " + index + " (" + finding.ruleId() + ") was decided by its check; "
                        + "only findings that need review can be dismissed");
            }
            return FindingDismissal.<FindingDismissal>find("runId = ?1 and findingIndex = ?2", runId, index)
                    .firstResult().flatMap(earlier -> {
                        if (earlier != null) {
                            throw new ConflictProblem("finding " + index + " was dismissed by " + earlier.dismissedBy
                                    + " at " + earlier.dismissedAt);
                        }
                        FindingDismissal dismissal = new FindingDismissal();
                        dismissal.id = UUID.randomUUID();
                        dismissal.runId = runId;
                        dismissal.findingIndex = index;
                        dismissal.ruleId = finding.ruleId();
                        dismissal.reason = reason.strip();
                        dismissal.dismissedBy = dismissedBy;
                        dismissal.dismissedAt = Instant.now(clock);
                        return dismissal.<FindingDismissal>persist();
                    })
                    .invoke(saved -> Log.infof("QA run %s: finding %d (%s) dismissed by %s: %s", runId, index,
                            finding.ruleId(), dismissedBy, saved.reason))
                    .chain(() -> FindingDismissal.ofRuns(List.of(runId)))
                    .call(dismissals -> judgeAgain(run, findings, dismissals))
                    .map(dismissals -> view(run, dismissals));
        }));
    }

    private Uni<Void> judgeAgain(QaRun run, List<FindingView> findings, List<FindingDismissal> dismissals) {
        Set<Integer> dismissed = dismissals.stream().map(d -> d.findingIndex).collect(Collectors.toSet());
        Verdict verdict = Dismissals.verdictWithout(findings.stream().map(FindingView::toFinding).toList(), dismissed);
        if (verdict.code().equals(run.verdict)) {
            return Uni.createFrom().voidItem();
        }
        Log.infof("QA run %s: %s after %d dismissed findings (was %s)", run.id, verdict.code(), dismissed.size(),
                run.verdict);
        run.verdict = verdict.code();
        return verdict == Verdict.PASS
                ? QaRun.newestOf(run.campaignId).chain(newest -> clearance.afterDismissal(run.forClearance(),
                        newest == null ? null : newest.id))
                : Uni.createFrom().voidItem();
    }

    private QaRunView view(QaRun run, List<FindingDismissal> dismissals) {
        List<FindingView> findings = new ArrayList<>(read(run.findings));
        for (FindingDismissal d : dismissals) {
            if (d.runId.equals(run.id) && d.findingIndex < findings.size()) {
                findings.set(d.findingIndex, findings.get(d.findingIndex).dismissedBy(d));
            }
        }
        return view(run, findings, null);
    }

    /**
     * The channel must be one the rule set knows, and the creative that channel is built from must be there: without
     * it there is nothing to check, which is a malformed request rather than a finding.
     */
    static void requireCreativeFor(CampaignSubmission submission, RuleBook book) {
        RuleBook.ChannelRules channel = book.channel(submission.channel()).orElseThrow(() ->
                new InvalidRequestException("channel", "unknown channel '" + submission.channel()
                        + "'; rule set " + book.name() + " knows " + String.join(", ", new TreeSet<>(book.channels().keySet()))));
        Creatives creatives = submission.creatives();
        boolean present = switch (channel.creative()) {
            case EMAIL -> creatives.email() != null;
            case SMS -> creatives.sms() != null;
            case AD -> creatives.ad() != null;
        };
        if (!present) {
            String field = "creatives." + channel.creative().name().toLowerCase(java.util.Locale.ROOT);
            throw new InvalidRequestException(field, "channel '" + submission.channel() + "' needs " + field);
        }
    }

    private static QaRunView view(QaRun run, List<FindingView> findings, UUID eventId) {
        int distinctIssues = (int) findings.stream().map(f -> f.ruleId() + " " + f.severity()).distinct().count();
        return new QaRunView(run.id, run.campaignId, run.channel, run.verdict, run.riskScore, distinctIssues,
                run.ruleSet, run.ruleSetVersion, run.inputDigest, findings, run.requestedBy, run.createdAt,
                ApprovalView.of(run), eventId);
    }

    private String digest(CampaignSubmission submission) {
        try {
            byte[] canonical = canonicalJson.writeValueAsString(submission).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest campaign " + submission.campaignId(), e);
        }
    }

    private String write(List<FindingView> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings cannot be serialised", e);
        }
    }

    private List<FindingView> read(String findings) {
        try {
            return Optional.ofNullable(json.readValue(findings, new TypeReference<List<FindingView>>() { }))
                    .orElse(List.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings are unreadable", e);
        }
    }
}
