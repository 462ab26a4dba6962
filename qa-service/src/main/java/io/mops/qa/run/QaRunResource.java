package io.mops.qa.run;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.ruleset.RuleSetCatalog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/qa/runs")
@Tag(name = "QA runs")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class QaRunResource {

    private final QaRunService service;
    private final ChannelScope scope;

    public QaRunResource(QaRunService service, ChannelScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Operation(summary = "Check a campaign before launch: verdict, risk index (distinct issues weighted by severity, not a probability) and findings; publishes QaCompleted")
    public Uni<Response> run(@NotNull @Valid CampaignSubmission submission,
                             @QueryParam("ruleSet") @DefaultValue(RuleSetCatalog.DEFAULT)
                             @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}") String ruleSet) {
        scope.requireAccess(submission.channel());
        return service.run(submission, ruleSet, scope.caller().name())
                .map(view -> Response.created(URI.create("/qa/runs/" + view.id())).entity(view).build());
    }

    @GET
    @WithSession
    @Operation(summary = "A campaign's QA runs, newest first (the caller's own channel, or all for the CoE)")
    public Uni<List<QaRunView>> ofCampaign(@QueryParam("campaignId") @NotBlank String campaignId,
                                           @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return service.ofCampaign(campaignId, scope.visibleChannel(), limit);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One QA run with its findings (the caller's own channel, or any for the CoE)")
    public Uni<QaRunView> find(@PathParam("id") UUID id) {
        return service.find(id, scope.caller());
    }

    @POST
    @Path("/{id}/findings/{index}/dismissal")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Dismiss a needs-review finding with a reason (CoE only); recorded with who and when")
    public Uni<QaRunView> dismiss(@PathParam("id") UUID id, @PathParam("index") @Min(0) int index,
                                  @NotNull @Valid DismissalRequest request) {
        return service.dismiss(id, index, request.reason(), scope.caller().name());
    }
}
