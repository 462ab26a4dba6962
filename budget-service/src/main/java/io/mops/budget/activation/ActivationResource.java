package io.mops.budget.activation;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/budget")
@Tag(name = "Ad-platform activation")
@SecurityRequirement(name = "SecurityScheme")
public class ActivationResource {

    private final ActivationService activation;
    private final ChannelScope scope;

    public ActivationResource(ActivationService activation, ChannelScope scope) {
        this.activation = activation;
        this.scope = scope;
    }

    @GET
    @Path("/activations")
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Requests sent (or, in dry-run, recorded) to the ad platforms, with every exchange; newest "
            + "first, at most 200")
    public Uni<List<ActivationView>> requests(@QueryParam("campaignId") UUID campaignId,
                                             @QueryParam("experimentKey") String experimentKey) {
        return activation.requests(campaignId, experimentKey, scope);
    }

    @GET
    @Path("/activation/experiments/{experimentKey}")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "The platform ads an experiment's variants are shown by")
    public Uni<List<VariantAdView>> variants(@PathParam("experimentKey") String experimentKey) {
        return activation.variants(experimentKey);
    }

    @PUT
    @Path("/activation/experiments/{experimentKey}/variants/{variantKey}/{platform}")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Set which platform ad shows an experiment's variant (google-ads, meta): a winner enables "
            + "its ad and pauses the others'")
    public Uni<VariantAdView> mapVariant(@PathParam("experimentKey") @Size(max = 80) String experimentKey,
                                         @PathParam("variantKey") @Size(max = 80) String variantKey,
                                         @PathParam("platform") String platform,
                                         @NotNull @Valid VariantAdDraft draft) {
        return activation.mapVariant(experimentKey, variantKey, Platform.of(platform), draft, scope.caller().name());
    }

    @GET
    @Path("/activation/campaigns/{campaignId}")
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "The platform campaigns a budget campaign is on")
    public Uni<List<PlatformCampaignView>> platforms(@PathParam("campaignId") UUID campaignId) {
        return activation.platforms(campaignId, scope);
    }

    @PUT
    @Path("/activation/campaigns/{campaignId}/{platform}")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Set which platform campaign a budget campaign is on (google-ads, meta)")
    public Uni<PlatformCampaignView> map(@PathParam("campaignId") UUID campaignId,
                                         @PathParam("platform") String platform,
                                         @NotNull @Valid PlatformCampaignDraft draft) {
        return activation.map(campaignId, Platform.of(platform), draft, scope.caller().name());
    }
}
