package io.mops.qa.brand;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The CoE keeps each brand's corpus; channel teams meet it only through brand voice findings. */
@Path("/qa/brands/{brand}/examples")
@Tag(name = "Brand corpus")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.COE)
public class BrandCorpusResource {

    private static final String BRAND_KEY = "[a-z0-9][a-z0-9-]{0,79}";

    private final BrandCorpus corpus;
    private final ChannelScope scope;

    public BrandCorpusResource(BrandCorpus corpus, ChannelScope scope) {
        this.corpus = corpus;
        this.scope = scope;
    }

    @GET
    @WithSession
    @Operation(summary = "A brand's approved and rejected examples, oldest first (CoE only)")
    public Uni<List<BrandExampleView>> list(@PathParam("brand") @Pattern(regexp = BRAND_KEY) String brand) {
        return corpus.list(brand);
    }

    @POST
    @Operation(summary = "Add an approved or rejected example to a brand's corpus (CoE only)")
    public Uni<Response> add(@PathParam("brand") @Pattern(regexp = BRAND_KEY) String brand,
                             @NotNull @Valid NewBrandExample example) {
        return corpus.add(brand, example, scope.caller().name())
                .map(view -> Response.created(URI.create("/qa/brands/" + brand + "/examples/" + view.id()))
                        .entity(view).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Take an example out of a brand's corpus (CoE only)")
    public Uni<Response> remove(@PathParam("brand") @Pattern(regexp = BRAND_KEY) String brand,
                                @PathParam("id") UUID id) {
        return corpus.remove(brand, id).map(ignored -> Response.noContent().build());
    }
}
