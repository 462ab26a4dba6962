package io.mops.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The console: pages rendered on the server from the services' APIs, called with the signed-in person's access
 * token, so every service still decides what this person may see and do. Forms carry a CSRF token (quarkus-rest-csrf)
 * and the pages load no inline script (see {@link ContentSecurityPolicy}).
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F-]{36}");
    /** testing-service's experiment keys. */
    private static final Pattern EXPERIMENT_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{2,79}");
    /** approval-service's policy names. */
    private static final Pattern POLICY_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");
    private static final int INBOX_LIMIT = 1000;
    /** The newest plans (by period) listed on the CoE and channel pages. */
    private static final int PLANS_SHOWN = 20;
    /** The newest incidents listed (approval-service pages at most 200). */
    private static final int INCIDENTS_SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Viewer viewer, Inbox inbox);

        static native TemplateInstance request(Viewer viewer, RequestDetail detail, FourEyesProgress progress,
                                               BudgetMove move, LaunchReview launch, String notice, String problem);

        static native TemplateInstance channel(Viewer viewer, List<ExperimentsApi.Experiment> experiments,
                                               List<BudgetApi.Plan> plans);

        static native TemplateInstance coe(Viewer viewer, Map<String, Integer> pendingByAge, int pending,
                                           BudgetApi.KillSwitch killSwitch, List<BudgetApi.Plan> plans,
                                           List<OutboxLag> backlog, String problem);

        static native TemplateInstance plan(Viewer viewer, BudgetApi.Plan plan, BudgetApi.Pacing pacing,
                                            List<BudgetApi.Reallocation> moves, String notice, String problem);

        static native TemplateInstance experiments(Viewer viewer, List<ExperimentsApi.Experiment> experiments);

        static native TemplateInstance experiment(Viewer viewer, ExperimentReport report, TrafficChart traffic);

        static native TemplateInstance trackRecord(Viewer viewer, TrackRecord moves, TrackRecordChart movesChart,
                                                   TrackRecord winners, TrackRecordChart winnersChart);

        static native TemplateInstance delegations(Viewer viewer, List<ApprovalsApi.Delegation> delegations,
                                                   ApprovalsApi.Preference preference, DelegationForm form,
                                                   String notice, List<String> problems);

        static native TemplateInstance qaRun(Viewer viewer, QaRunReport report, String notice, String problem);

        static native TemplateInstance qaSubmit(Viewer viewer, QaSubmissionForm form, Map<String, String> errors,
                                                List<String> problems);

        static native TemplateInstance policies(Viewer viewer, List<PoliciesApi.InForce> policies);

        static native TemplateInstance policy(Viewer viewer, PoliciesApi.InForce policy, PolicyEdit form,
                                              Map<String, String> errors, List<String> problems,
                                              List<PoliciesApi.Change> history, String notice);

        static native TemplateInstance attribution(Viewer viewer, AttributionQuery query, Map<String, String> errors,
                                                   AttributionComparison comparison, String problem);

        static native TemplateInstance ruleSets(Viewer viewer, RuleSetChoice choice, RuleSetDiff diff);

        static native TemplateInstance incidents(Viewer viewer, List<Incident> open, List<Incident> recent);

        static native TemplateInstance incident(Viewer viewer, Incident incident, String notice, String problem);

        static native TemplateInstance problem(Viewer viewer, int status, String title, String detail);
    }

    private final SecurityIdentity identity;
    private final ApprovalsApi approvals;
    private final BudgetApi budget;
    private final ExperimentsApi experiments;
    private final ServiceMetrics metrics;
    private final QaApi qa;
    private final PoliciesApi policies;
    private final AttributionApi attribution;
    private final RuleSetsApi ruleSets;
    private final Clock clock = Clock.systemUTC();
    private final ObjectMapper json;

    public ConsoleResource(SecurityIdentity identity, @RestClient ApprovalsApi approvals, @RestClient BudgetApi budget,
                           @RestClient ExperimentsApi experiments, @RestClient QaApi qa,
                           @RestClient PoliciesApi policies, @RestClient AttributionApi attribution,
                           @RestClient RuleSetsApi ruleSets, ServiceMetrics metrics, ObjectMapper json) {
        this.identity = identity;
        this.ruleSets = ruleSets;
        this.attribution = attribution;
        this.policies = policies;
        this.qa = qa;
        this.metrics = metrics;
        this.approvals = approvals;
        this.budget = budget;
        this.experiments = experiments;
        this.json = json;
    }

    @GET
    public Uni<Response> inbox(@QueryParam("kind") String kind, @QueryParam("channel") String channel) {
        Viewer viewer = Viewer.of(identity);
        if (!viewer.approver() && !viewer.coe()) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/channel")).build());
        }
        return approvals.pending(viewer.bearer(), INBOX_LIMIT)
                .map(pending -> ok(Templates.inbox(viewer, Inbox.of(pending, kind, channel, clock.instant()))))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @GET
    @Path("requests/{id}")
    public Uni<Response> request(@PathParam("id") String id, @QueryParam("decided") String decided) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such request",
                    "A request id has 36 characters, like 3f6c0a4e-…")));
        }
        String notice = decided == null ? null : switch (decided) {
            case "GRANT" -> "You granted this request.";
            case "REJECT" -> "You rejected this request.";
            case "REQUEST_CHANGES" -> "You asked for changes.";
            default -> null;
        };
        return approvals.detail(viewer.bearer(), id)
                .map(detail -> ok(requestPage(viewer, detail, notice, null)))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    /** The email of a launch under review, for the request page's sandboxed frame (its own CSP, see there). */
    @GET
    @Path("requests/{id}/email")
    public Uni<Response> email(@PathParam("id") String id) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such request", id)));
        }
        return approvals.detail(viewer.bearer(), id)
                .map(detail -> {
                    LaunchReview launch = launchOf(detail);
                    if (launch == null || !launch.hasEmailHtml()) {
                        return page(404, Templates.problem(viewer, 404, "No email",
                                "This request's evidence carries no email HTML."));
                    }
                    return Response.ok(EmailPreview.highlighted(launch.emailHtml(), launch.flaggedElements()))
                            .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
                })
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @POST
    @Path("requests/{id}/decisions")
    public Uni<Response> decide(@PathParam("id") String id, @FormParam("verdict") String verdict,
                                @FormParam("comment") String comment) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such request", id)));
        }
        String problem = DecisionForm.problem(verdict, comment);
        if (problem != null) {
            return approvals.detail(viewer.bearer(), id)
                    .map(detail -> page(400, requestPage(viewer, detail, null, problem)))
                    .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        return approvals.decide(viewer.bearer(), id, new DecisionForm.Decision(verdict, text))
                .map(detail -> Response.seeOther(URI.create("/requests/" + id + "?decided=" + verdict)).build())
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    if (status != 400 && status != 409) {
                        return Uni.createFrom().item(problemPage(viewer, e));
                    }
                    // A rule refused it (four eyes, own request, no longer pending): show why on the page.
                    String why = detailOf((WebApplicationException) e);
                    return approvals.detail(viewer.bearer(), id)
                            .map(detail -> page(status, requestPage(viewer, detail, null, why)))
                            .onFailure(WebApplicationException.class).recoverWithItem(f -> problemPage(viewer, f));
                });
    }

    /** qa-service shows a run to the CoE and its own channel's team; another team gets a 404, other roles a 403. */
    @GET
    @Path("qa-runs/{id}")
    public Uni<Response> qaRun(@PathParam("id") String id, @QueryParam("dismissed") Integer dismissed,
                               @QueryParam("submitted") String submitted) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such QA run",
                    "A QA run id has 36 characters, like 3f6c0a4e-…")));
        }
        String notice = dismissed != null ? "You dismissed finding " + (dismissed + 1) + "."
                : submitted != null ? "qa-service checked your campaign: its verdict and findings follow." : null;
        return qaRunPage(viewer, id, notice, null, 200);
    }

    @POST
    @Path("qa-runs/{id}/findings/{index}/dismissal")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> dismiss(@PathParam("id") String id, @PathParam("index") int index,
                                 @FormParam("reason") String reason) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches() || index < 0) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such finding", id)));
        }
        String problem = QaRunReport.problem(reason);
        if (problem != null) {
            return qaRunPage(viewer, id, null, problem, 400);
        }
        return qa.dismiss(viewer.bearer(), id, index, new QaApi.DismissalRequest(reason.strip()))
                .map(run -> Response.seeOther(URI.create("/qa-runs/" + id + "?dismissed=" + index)).build())
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    // qa-service refused it (already dismissed, decided by its check): show why on the page.
                    return status == 400 || status == 409
                            ? qaRunPage(viewer, id, null, detailOf((WebApplicationException) e), status)
                            : Uni.createFrom().item(problemPage(viewer, e));
                });
    }

    private Uni<Response> qaRunPage(Viewer viewer, String id, String notice, String problem, int status) {
        return qa.run(viewer.bearer(), id)
                .map(run -> page(status, Templates.qaRun(viewer, QaRunReport.of(run, viewer), notice, problem)))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @GET
    @Path("channel")
    public Uni<Response> channel() {
        Viewer viewer = Viewer.of(identity);
        // Only a channel team or the CoE may read plans; an approver's channel page lists none.
        Uni<List<BudgetApi.Plan>> plans = viewer.channel() != null || viewer.coe()
                ? budget.plans(viewer.bearer(), null, PLANS_SHOWN)
                : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(experiments.list(viewer.bearer()), plans).asTuple()
                .map(both -> ok(Templates.channel(viewer, both.getItem1(), both.getItem2())))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @GET
    @Path("channel/qa")
    @RolesAllowed({Viewer.CHANNEL_TEAM, Viewer.COE})
    public Response qaForm() {
        Viewer viewer = Viewer.of(identity);
        return ok(Templates.qaSubmit(viewer, QaSubmissionForm.forChannel(viewer.channel()), Map.of(), List.of()));
    }

    /** Sends the campaign to qa-service, which checks role, channel and every field itself, then shows the run. */
    @POST
    @Path("channel/qa")
    @RolesAllowed({Viewer.CHANNEL_TEAM, Viewer.COE})
    public Uni<Response> submitQa(@BeanParam QaSubmissionForm form) {
        Viewer viewer = Viewer.of(identity);
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(page(400, Templates.qaSubmit(viewer, form, errors, List.of())));
        }
        return qa.submit(viewer.bearer(), form.toSubmission())
                .map(run -> Response.seeOther(URI.create("/qa-runs/" + run.id() + "?submitted=yes")).build())
                .onFailure(WebApplicationException.class).recoverWithItem(e -> {
                    WebApplicationException refusal = (WebApplicationException) e;
                    int status = refusal.getResponse().getStatus();
                    if (status == 400) {
                        List<QaSubmissionForm.Violation> violations = fieldViolationsOf(refusal);
                        return page(400, Templates.qaSubmit(viewer, form, QaSubmissionForm.fieldErrors(violations),
                                QaSubmissionForm.otherErrors(violations)));
                    }
                    if (status == 403) {
                        return page(403, Templates.qaSubmit(viewer, form,
                                Map.of("channel", "qa-service refused: you may submit only for your own channel"),
                                List.of()));
                    }
                    return problemPage(viewer, e);
                });
    }

    @GET
    @Path("experiments")
    public Uni<Response> experimentList() {
        Viewer viewer = Viewer.of(identity);
        return experiments.list(viewer.bearer())
                .map(list -> ok(Templates.experiments(viewer, list)))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    /** testing-service refuses (403) an experiment of another channel than a channel team's own. */
    @GET
    @Path("experiments/{key}")
    public Uni<Response> experiment(@PathParam("key") String key) {
        Viewer viewer = Viewer.of(identity);
        if (!EXPERIMENT_KEY.matcher(key).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such experiment",
                    "An experiment key has 3 to 80 lowercase letters, digits or dashes.")));
        }
        return experiments.detail(viewer.bearer(), key)
                .chain(detail -> Uni.combine().all().unis(experiments.results(viewer.bearer(), key),
                                experiments.allocations(viewer.bearer(), key)).asTuple()
                        .map(both -> ok(Templates.experiment(viewer, ExperimentReport.of(detail, both.getItem1()),
                                TrafficChart.of(both.getItem2())))))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    /** The CoE's page; both services would show a channel team its own channel's share, but that is not this page. */
    @GET
    @Path("track-record")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> trackRecord() {
        Viewer viewer = Viewer.of(identity);
        return Uni.combine().all().unis(budget.trackRecord(viewer.bearer()), experiments.trackRecord(viewer.bearer()))
                .asTuple()
                .map(both -> ok(Templates.trackRecord(viewer, both.getItem1(), TrackRecordChart.of(both.getItem1()),
                        both.getItem2(), TrackRecordChart.of(both.getItem2()))))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @GET
    @Path("delegations")
    @RolesAllowed({Viewer.APPROVER, Viewer.COE})
    public Uni<Response> delegations(@QueryParam("done") String done) {
        Viewer viewer = Viewer.of(identity);
        String notice = done == null ? null : switch (done) {
            case "created" -> "Your delegation is saved: it applies from its first to its last day.";
            case "ended" -> "The delegation is ended.";
            case "preference" -> "Your notification preference is saved.";
            default -> null;
        };
        return delegationsPage(viewer, DelegationForm.empty(LocalDate.now(clock)), notice, List.of(), 200);
    }

    @POST
    @Path("delegations")
    @RolesAllowed(Viewer.APPROVER)
    public Uni<Response> delegate(@FormParam("delegate") String delegate, @FormParam("group") String group,
                                  @FormParam("from") String from, @FormParam("to") String to) {
        Viewer viewer = Viewer.of(identity);
        DelegationForm form = new DelegationForm(delegate, group, from, to);
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            return delegationsPage(viewer, form, null, problems, 400);
        }
        return approvals.delegate(viewer.bearer(), form.toRequest())
                .map(created -> Response.seeOther(URI.create("/delegations?done=created")).build())
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    // approval-service's rules (a member of the group, no overlap, no chain) refused it: say which.
                    return status == 400 || status == 409
                            ? delegationsPage(viewer, form, null, violationsOf((WebApplicationException) e), status)
                            : Uni.createFrom().item(problemPage(viewer, e));
                });
    }

    @POST
    @Path("delegations/{id}/end")
    @RolesAllowed({Viewer.APPROVER, Viewer.COE})
    public Uni<Response> endDelegation(@PathParam("id") String id) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such delegation", id)));
        }
        return approvals.endDelegation(viewer.bearer(), id)
                .map(done -> Response.seeOther(URI.create("/delegations?done=ended")).build())
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status == 404
                            ? delegationsPage(viewer, DelegationForm.empty(LocalDate.now(clock)), null,
                                    List.of(detailOf((WebApplicationException) e)), 404)
                            : Uni.createFrom().item(problemPage(viewer, e));
                });
    }

    @POST
    @Path("notification-preference")
    @RolesAllowed({Viewer.APPROVER, Viewer.COE})
    public Uni<Response> setPreference(@FormParam("mode") String mode) {
        Viewer viewer = Viewer.of(identity);
        if (mode == null || !DelegationForm.MODES.contains(mode)) {
            return delegationsPage(viewer, DelegationForm.empty(LocalDate.now(clock)), null,
                    List.of("mode: choose a mail per event or a daily digest"), 400);
        }
        return approvals.setPreference(viewer.bearer(), new ApprovalsApi.Preference(mode))
                .map(saved -> Response.seeOther(URI.create("/delegations?done=preference")).build())
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    private Uni<Response> delegationsPage(Viewer viewer, DelegationForm form, String notice, List<String> problems,
                                          int status) {
        return Uni.combine().all().unis(approvals.delegations(viewer.bearer()), approvals.preference(viewer.bearer()))
                .asTuple()
                .map(both -> page(status, Templates.delegations(viewer, both.getItem1(), both.getItem2(), form, notice,
                        problems)))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @GET
    @Path("plans/{id}")
    public Uni<Response> plan(@PathParam("id") String id, @QueryParam("rolledBack") String rolledBack) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such plan",
                    "A plan id has 36 characters, like 0b7f3c52-…")));
        }
        return planPage(viewer, id, rolledBack == null ? null : "You rolled the move back.", null, 200);
    }

    @POST
    @Path("plans/{id}/reallocations/{move}/rollback")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> rollback(@PathParam("id") String id, @PathParam("move") String move,
                                  @FormParam("confirm") String confirm) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches() || !UUID_SHAPE.matcher(move).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such move", move)));
        }
        if (!"yes".equals(confirm)) {
            return planPage(viewer, id, null, "Tick the confirmation box: rolling back moves money between channels.",
                    400);
        }
        return budget.rollback(viewer.bearer(), move)
                .map(done -> Response.seeOther(URI.create("/plans/" + id + "?rolledBack=" + move)).build())
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status == 409 || status == 400
                            ? planPage(viewer, id, null, detailOf((WebApplicationException) e), status)
                            : Uni.createFrom().item(problemPage(viewer, e));
                });
    }

    private Uni<Response> planPage(Viewer viewer, String id, String notice, String problem, int status) {
        return Uni.combine().all().unis(budget.plan(viewer.bearer(), id), budget.pacing(viewer.bearer(), id),
                        budget.reallocations(viewer.bearer(), id))
                .asTuple()
                .map(all -> page(status, Templates.plan(viewer, all.getItem1(), all.getItem2(), all.getItem3(),
                        notice, problem)))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @GET
    @Path("coe")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> coe() {
        Viewer viewer = Viewer.of(identity);
        return coePage(viewer, null, 200);
    }

    @POST
    @Path("coe/kill-switch")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> killSwitch(@FormParam("frozen") String frozen, @FormParam("reason") String reason,
                                    @FormParam("confirm") String confirm) {
        Viewer viewer = Viewer.of(identity);
        boolean freeze = "true".equals(frozen);
        if (!"yes".equals(confirm)) {
            return coePage(viewer, "Tick the confirmation box: " + (freeze
                    ? "freezing stops every autonomous budget move." : "releasing lets the loop move money again."), 400);
        }
        if (freeze && (reason == null || reason.isBlank())) {
            return coePage(viewer, "Give a reason to freeze: the team must learn why the loop stopped.", 400);
        }
        BudgetApi.KillSwitch change = new BudgetApi.KillSwitch(freeze,
                reason == null || reason.isBlank() ? null : reason.strip(), null, null);
        return budget.setKillSwitch(viewer.bearer(), change)
                .map(done -> Response.seeOther(URI.create("/coe")).build())
                .onFailure(WebApplicationException.class).recoverWithUni(e -> coePage(viewer,
                        detailOf((WebApplicationException) e), ((WebApplicationException) e).getResponse().getStatus()));
    }

    private Uni<Response> coePage(Viewer viewer, String problem, int status) {
        return Uni.combine().all().unis(approvals.pending(viewer.bearer(), INBOX_LIMIT),
                        budget.killSwitch(viewer.bearer()), budget.plans(viewer.bearer(), null, PLANS_SHOWN),
                        metrics.outboxLag())
                .asTuple()
                .map(all -> page(status, Templates.coe(viewer, byAge(all.getItem1(), clock.instant()),
                        all.getItem1().size(), all.getItem2(), all.getItem3(), all.getItem4(), problem)))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @GET
    @Path("coe/policies")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> policyList() {
        Viewer viewer = Viewer.of(identity);
        return policies.inForce(viewer.bearer())
                .map(list -> ok(Templates.policies(viewer, list)))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @GET
    @Path("coe/policies/{name}")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> policy(@PathParam("name") String name, @QueryParam("changed") String changed) {
        Viewer viewer = Viewer.of(identity);
        if (!POLICY_NAME.matcher(name).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such policy", name)));
        }
        return policyPage(viewer, name, null, Map.of(), List.of(),
                changed == null ? null : "Saved: the policy's new version is in force.", 200);
    }

    /** Changes the policy's thresholds: approval-service keeps the old version in the history, audited. */
    @POST
    @Path("coe/policies/{name}")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> changePolicy(@PathParam("name") String name, @FormParam("amountAbove") String amountAbove,
                                      @FormParam("amountUpTo") String amountUpTo,
                                      @FormParam("riskScoreAtLeast") String riskScoreAtLeast,
                                      @FormParam("riskScoreBelow") String riskScoreBelow) {
        Viewer viewer = Viewer.of(identity);
        if (!POLICY_NAME.matcher(name).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such policy", name)));
        }
        PolicyEdit form = new PolicyEdit(amountAbove, amountUpTo, riskScoreAtLeast, riskScoreBelow);
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return policyPage(viewer, name, form, errors, List.of(), null, 400);
        }
        return policies.inForce(viewer.bearer())
                .chain(list -> {
                    PoliciesApi.InForce current = list.stream().filter(p -> name.equals(p.name())).findFirst()
                            .orElse(null);
                    if (current == null) {
                        return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such policy",
                                "No policy named " + name + " is in force.")));
                    }
                    return policies.change(viewer.bearer(), name, form.applyTo(current.policy()))
                            .map(saved -> Response.seeOther(URI.create("/coe/policies/" + name + "?changed=yes"))
                                    .build());
                })
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    WebApplicationException refusal = (WebApplicationException) e;
                    if (refusal.getResponse().getStatus() != 400) {
                        return Uni.createFrom().item(problemPage(viewer, e));
                    }
                    Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
                    List<String> others = new java.util.ArrayList<>();
                    for (QaSubmissionForm.Violation v : fieldViolationsOf(refusal)) {
                        String field = PolicyEdit.fieldOf(v.field());
                        if (field != null) {
                            fieldErrors.merge(field, v.message(), (a, b) -> a + "; " + b);
                        } else {
                            others.add((v.field() == null ? "" : v.field() + ": ") + v.message());
                        }
                    }
                    return policyPage(viewer, name, form, fieldErrors, others, null, 400);
                });
    }

    private Uni<Response> policyPage(Viewer viewer, String name, PolicyEdit typed, Map<String, String> errors,
                                     List<String> problems, String notice, int status) {
        return Uni.combine().all().unis(policies.inForce(viewer.bearer()), policies.history(viewer.bearer(), name))
                .asTuple()
                .map(both -> {
                    PoliciesApi.InForce current = both.getItem1().stream().filter(p -> name.equals(p.name()))
                            .findFirst().orElse(null);
                    if (current == null) {
                        return page(404, Templates.problem(viewer, 404, "No such policy",
                                "No policy named " + name + " is in force."));
                    }
                    List<PoliciesApi.Change> newestFirst = new java.util.ArrayList<>(both.getItem2());
                    newestFirst.sort(java.util.Comparator.comparingInt(PoliciesApi.Change::version).reversed());
                    return page(status, Templates.policy(viewer, current, typed == null ? current.thresholds() : typed,
                            errors, problems, newestFirst, notice));
                })
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    /**
     * Credit per channel side by side per model for the period picked. attribution-service shows every role every
     * channel's credit; the console shows it to the CoE, whose page it is.
     */
    @GET
    @Path("coe/attribution")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> attribution(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("currency") String currency, @QueryParam("model") List<String> models) {
        Viewer viewer = Viewer.of(identity);
        AttributionQuery query = AttributionQuery.of(from, to, currency, models, LocalDate.now(clock));
        Map<String, String> errors = query.errors();
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(page(400, Templates.attribution(viewer, query, errors, null, null)));
        }
        return attribution.credit(viewer.bearer(), query.fromDate(), query.toDate(), query.currency(), query.models())
                .map(window -> ok(Templates.attribution(viewer, query, Map.of(), AttributionComparison.of(window),
                        null)))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    // attribution-service refused the query: say why beside the form.
                    return status == 400
                            ? page(400, Templates.attribution(viewer, query, Map.of(), null,
                                    String.join("; ", violationsOf((WebApplicationException) e))))
                            : problemPage(viewer, e);
                });
    }

    /** qa-service's rule set versions, and what changed between two of them (qa-service lets only the CoE read them). */
    @GET
    @Path("coe/rule-sets")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> ruleSets(@QueryParam("name") String name, @QueryParam("from") String from,
                                  @QueryParam("to") String to) {
        Viewer viewer = Viewer.of(identity);
        Integer older = versionNumber(from);
        Integer newer = versionNumber(to);
        return ruleSets.list(viewer.bearer())
                .chain(all -> {
                    RuleSetChoice choice = RuleSetChoice.of(all, name, older, newer);
                    if (!choice.comparable()) {
                        return Uni.createFrom().item(page(choice.problem() == null ? 200 : 400,
                                Templates.ruleSets(viewer, choice, null)));
                    }
                    RuleSetChoice picked = choice;
                    return Uni.combine().all().unis(ruleSets.document(viewer.bearer(), picked.name(), picked.from()),
                                    ruleSets.document(viewer.bearer(), picked.name(), picked.to())).asTuple()
                            .map(both -> ok(Templates.ruleSets(viewer, picked, RuleSetDiff.between(picked.name(),
                                    picked.from(), both.getItem1(), picked.to(), both.getItem2()))));
                })
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    /**
     * The newest incidents, open ones first: approval-service's requests of kind {@code Incident}, each read with its
     * evidence and acknowledgement (the list itself carries neither), all at once.
     */
    @GET
    @Path("coe/incidents")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> incidents() {
        Viewer viewer = Viewer.of(identity);
        return approvals.ofKind(viewer.bearer(), Incident.KIND, INCIDENTS_SHOWN)
                .chain(items -> items.isEmpty() ? Uni.createFrom().item(List.<Incident>of())
                        : Uni.join().all(items.stream().map(item -> approvals.detail(viewer.bearer(),
                                item.id().toString()).map(this::incidentOf)).toList()).andFailFast())
                .map(all -> ok(Templates.incidents(viewer, all.stream().filter(Incident::open).toList(),
                        all.stream().filter(i -> !i.open()).toList())))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    @GET
    @Path("coe/incidents/{id}")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> incident(@PathParam("id") String id, @QueryParam("acknowledged") String acknowledged) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such incident",
                    "An incident id has 36 characters, like 3f6c0a4e-…")));
        }
        return incidentPage(viewer, id, acknowledged == null ? null : "You acknowledged this incident.", null, 200);
    }

    @POST
    @Path("coe/incidents/{id}/acknowledgement")
    @RolesAllowed(Viewer.COE)
    public Uni<Response> acknowledge(@PathParam("id") String id, @FormParam("comment") String comment) {
        Viewer viewer = Viewer.of(identity);
        if (!UUID_SHAPE.matcher(id).matches()) {
            return Uni.createFrom().item(page(404, Templates.problem(viewer, 404, "No such incident", id)));
        }
        String problem = Incident.problem(comment);
        if (problem != null) {
            return incidentPage(viewer, id, null, problem, 400);
        }
        return approvals.acknowledge(viewer.bearer(), id, new ApprovalsApi.Acknowledgement(comment.strip()))
                .map(detail -> Response.seeOther(URI.create("/coe/incidents/" + id + "?acknowledged=yes")).build())
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    // approval-service refused it (already acknowledged, resolved, not an incident): say why.
                    return status == 400 || status == 409
                            ? incidentPage(viewer, id, null, detailOf((WebApplicationException) e), status)
                            : Uni.createFrom().item(problemPage(viewer, e));
                });
    }

    private Uni<Response> incidentPage(Viewer viewer, String id, String notice, String problem, int status) {
        return approvals.detail(viewer.bearer(), id)
                .map(detail -> Incident.KIND.equals(detail.request().kind())
                        ? page(status, Templates.incident(viewer, incidentOf(detail), notice, problem))
                        : page(404, Templates.problem(viewer, 404, "Not an incident",
                                "This request is a " + detail.request().kind() + "; it is on its request page.")))
                .onFailure(WebApplicationException.class).recoverWithItem(e -> problemPage(viewer, e));
    }

    private Incident incidentOf(RequestDetail detail) {
        RequestDetail.Evidence evidence = detail.evidence();
        Incident.Evidence anomaly = null;
        if (evidence != null && evidence.content() != null && Incident.EVIDENCE_SCHEMA.equals(evidence.schema())) {
            try {
                anomaly = json.treeToValue(evidence.content(), Incident.Evidence.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // The incident is still listed, with its summary; only the anomaly's figures are missing.
                Log.warnf("evidence %s v%s of incident %s not readable: %s", evidence.schema(),
                        evidence.schemaVersion(), detail.request().id(), e.getMessage());
            }
        }
        return Incident.of(detail, anomaly);
    }

    /** A version number as typed; {@code null} when absent, and 0 (no version has it) when not a number. */
    private static Integer versionNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Pending requests counted by how long they have waited, in the buckets the CoE reviews. */
    static Map<String, Integer> byAge(List<InboxItem> pending, Instant now) {
        Map<String, Integer> buckets = new TreeMap<>();
        List<String> names = List.of("1 under 1 hour", "2 1 to 24 hours", "3 1 to 7 days", "4 over 7 days");
        names.forEach(n -> buckets.put(n, 0));
        for (InboxItem item : pending) {
            Duration age = item.requestedAt() == null ? Duration.ZERO : Duration.between(item.requestedAt(), now);
            String bucket = age.compareTo(Duration.ofHours(1)) < 0 ? names.get(0)
                    : age.compareTo(Duration.ofDays(1)) < 0 ? names.get(1)
                    : age.compareTo(Duration.ofDays(7)) < 0 ? names.get(2) : names.get(3);
            buckets.merge(bucket, 1, Integer::sum);
        }
        Map<String, Integer> labelled = new java.util.LinkedHashMap<>();
        buckets.forEach((k, v) -> labelled.put(k.substring(2), v));
        return labelled;
    }

    private TemplateInstance requestPage(Viewer viewer, RequestDetail detail, String notice, String problem) {
        BudgetMove move = null;
        LaunchReview launch = null;
        RequestDetail.Evidence evidence = detail.evidence();
        if (evidence != null && evidence.content() != null) {
            try {
                if ("ReallocationEvidence".equals(evidence.schema())) {
                    move = BudgetMove.of(json.treeToValue(evidence.content(), BudgetMove.Evidence.class));
                } else if ("LaunchEvidence".equals(evidence.schema())) {
                    launch = json.treeToValue(evidence.content(), LaunchReview.class);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // Evidence of a shape this console does not know is still shown as the request's summary.
                Log.warnf("evidence %s v%s of request %s not readable: %s", evidence.schema(),
                        evidence.schemaVersion(), detail.request().id(), e.getMessage());
            }
        }
        return Templates.request(viewer, detail, FourEyesProgress.of(detail), move, launch, notice, problem);
    }

    private LaunchReview launchOf(RequestDetail detail) {
        RequestDetail.Evidence evidence = detail.evidence();
        if (evidence == null || evidence.content() == null || !"LaunchEvidence".equals(evidence.schema())) {
            return null;
        }
        try {
            return json.treeToValue(evidence.content(), LaunchReview.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.warnf("evidence %s v%s of request %s not readable: %s", evidence.schema(), evidence.schemaVersion(),
                    detail.request().id(), e.getMessage());
            return null;
        }
    }

    private Response problemPage(Viewer viewer, Throwable failure) {
        int status = ((WebApplicationException) failure).getResponse().getStatus();
        String title = switch (status) {
            case 401, 403 -> "Not for you";
            case 404 -> "Not found";
            default -> "The service did not answer as expected";
        };
        String detail = status == 403
                ? "Your role or channel does not allow this page."
                : detailOf((WebApplicationException) failure);
        int shown = status >= 500 ? 502 : status;
        return page(shown, Templates.problem(viewer, shown, title, detail));
    }

    /** The problem+json {@code detail} of a service's refusal, or its status line. */
    private String detailOf(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            var node = json.readTree(body);
            if (node != null && node.hasNonNull("detail")) {
                return node.get("detail").asText();
            }
        } catch (RuntimeException | JsonProcessingException ignored) {
            // no readable body: fall back to the status
        }
        return "HTTP " + e.getResponse().getStatus();
    }

    /** A 400's violations as qa-service names them; its detail, under no field, when it names none. */
    private List<QaSubmissionForm.Violation> fieldViolationsOf(WebApplicationException e) {
        try {
            var node = json.readTree(e.getResponse().readEntity(String.class));
            if (node != null && node.path("violations").isArray() && !node.path("violations").isEmpty()) {
                List<QaSubmissionForm.Violation> violations = new java.util.ArrayList<>();
                node.path("violations").forEach(v -> violations.add(new QaSubmissionForm.Violation(
                        v.hasNonNull("field") ? v.get("field").asText() : null, v.path("message").asText())));
                return violations;
            }
            if (node != null && node.hasNonNull("detail")) {
                return List.of(new QaSubmissionForm.Violation(null, node.get("detail").asText()));
            }
        } catch (RuntimeException | JsonProcessingException ignored) {
            // no readable body: fall back to the status
        }
        return List.of(new QaSubmissionForm.Violation(null, "HTTP " + e.getResponse().getStatus()));
    }

    /** A 400's violations as "field: reason", or its detail when it names none. */
    private List<String> violationsOf(WebApplicationException e) {
        try {
            var node = json.readTree(e.getResponse().readEntity(String.class));
            if (node != null && node.path("violations").isArray() && !node.path("violations").isEmpty()) {
                List<String> violations = new java.util.ArrayList<>();
                node.path("violations").forEach(v -> violations.add(v.path("field").asText() + ": "
                        + v.path("message").asText()));
                return violations;
            }
            if (node != null && node.hasNonNull("detail")) {
                return List.of(node.get("detail").asText());
            }
        } catch (RuntimeException | JsonProcessingException ignored) {
            // no readable body: fall back to the status
        }
        return List.of("HTTP " + e.getResponse().getStatus());
    }

    private static Response ok(TemplateInstance page) {
        return page(200, page);
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
