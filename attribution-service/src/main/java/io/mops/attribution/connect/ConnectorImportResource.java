package io.mops.attribution.connect;

import io.mops.common.problem.InvalidRequestException;
import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Imports of the files marketers download from their tools, as they download them: an ad platform's cost report
 * (CSV), a GA4 BigQuery export (newline-delimited JSON) and a CRM's deal export (CSV). Blocking: the body is
 * streamed from a worker thread into one transaction, as the platform's own imports are.
 */
@Path("/attribution/connectors")
@Tag(name = "Connectors")
@SecurityRequirement(name = "SecurityScheme")
public class ConnectorImportResource {

    private final ConnectorImportService service;
    private final ChannelScope scope;

    public ConnectorImportResource(ConnectorImportService service, ChannelScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Path("cost-reports")
    @Consumes({"text/csv", "text/plain", "application/octet-stream"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Import an ad platform's cost report (CSV as downloaded) as spend per campaign and day; "
            + "all lines are stored or none")
    @APIResponse(responseCode = "200", description = "Counts of spend lines received, newly stored, already known, "
            + "and report lines that are no spend (preamble, totals)")
    @APIResponse(responseCode = "400", description = "Unmapped values counted per value, then the rejected lines "
            + "with their numbers and reasons; nothing stored")
    @APIResponse(responseCode = "403", description = "Spend of another team's channel")
    @Blocking
    public ConnectorImportResult importCostReport(
            @Parameter(description = "The platform whose report this is")
            @QueryParam("platform") @NotNull
            @Pattern(regexp = "google-ads|microsoft-ads|meta-ads|linkedin-ads",
                    message = "must be one of google-ads, microsoft-ads, meta-ads, linkedin-ads") String platform,
            @Parameter(description = "The currency of a report that names none in its columns (ISO 4217)")
            @QueryParam("currency") @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull InputStream body) {
        CostReportFormat format = CostReportFormat.of(platform)
                .orElseThrow(() -> new InvalidRequestException("platform", "unknown platform"));
        return service.importCostReport(format, Optional.ofNullable(currency),
                new InputStreamReader(body, StandardCharsets.UTF_8), scope);
    }

    @POST
    @Path("ga4")
    @Consumes({"application/x-ndjson", "application/jsonl", "application/json", "application/octet-stream"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Import a GA4 BigQuery export (events_YYYYMMDD as newline-delimited JSON): visits become "
            + "touchpoints, purchases and key events conversions; all lines are stored or none")
    @APIResponse(responseCode = "200", description = "Counts of events received (touchpoints, conversions), newly "
            + "stored, already known, and events of other names skipped")
    @APIResponse(responseCode = "400", description = "Unmapped traffic sources counted per value, then the rejected "
            + "lines with their numbers and reasons; nothing stored")
    @Blocking
    public ConnectorImportResult importGa4(@NotNull InputStream body) {
        return service.importGa4(new InputStreamReader(body, StandardCharsets.UTF_8), scope);
    }

    @POST
    @Path("crm")
    @Consumes({"text/csv", "text/plain", "application/octet-stream"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Import a CRM's deal export (Salesforce opportunities or HubSpot deals, CSV as exported): "
            + "won deals become conversions matched to journeys by click id or customer")
    @APIResponse(responseCode = "200", description = "Counts of won deals received, newly stored, already known, "
            + "matching no journey (listed with their lines, not stored), and rows that are no won deal")
    @APIResponse(responseCode = "400", description = "The rows that cannot be read, with their numbers and the "
            + "column; nothing stored")
    @Blocking
    public CrmImportResult importCrm(
            @Parameter(description = "The CRM whose export this is")
            @QueryParam("crm") @NotNull
            @Pattern(regexp = "salesforce|hubspot", message = "must be one of salesforce, hubspot") String crm,
            @Parameter(description = "The currency of an export that names none in its columns (ISO 4217)")
            @QueryParam("currency") @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull InputStream body) {
        CrmFormat format = CrmFormat.of(crm).orElseThrow(() -> new InvalidRequestException("crm", "unknown CRM"));
        return service.importCrm(format, Optional.ofNullable(currency),
                new InputStreamReader(body, StandardCharsets.UTF_8));
    }
}
