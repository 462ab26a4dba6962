package io.mops.approval.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Path("/approvals/audit")
@Tag(name = "Audit trail")
@SecurityRequirement(name = "SecurityScheme")
public class AuditResource {

    /** Entries read per round trip while verifying. */
    private static final int PAGE = 2000;

    public record Verification(boolean intact, long entries, String lastHash, Long firstBroken, String reason) {
    }

    private final ObjectMapper json;

    public AuditResource(ObjectMapper json) {
        this.json = json;
    }

    @GET
    @Path("/verify")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Walks the whole hash chain: intact, or the first entry whose hash or link does not hold")
    public Uni<Verification> verify() {
        return Panache.withSession(() -> page(0, AuditChain.GENESIS, 0));
    }

    private Uni<Verification> page(long after, String previousHash, long checked) {
        return AuditEntry.<AuditEntry>find("seq > ?1 order by seq", after).page(0, PAGE).list().chain(entries -> {
            if (entries.isEmpty()) {
                return Uni.createFrom().item(new Verification(true, checked, previousHash, null, null));
            }
            Optional<AuditChain.Break> broken = AuditChain.verify(entries.stream().map(AuditEntry::toEntry).toList(),
                    previousHash, after + 1);
            if (broken.isPresent()) {
                return Uni.createFrom().item(new Verification(false, checked, null, broken.get().seq(),
                        broken.get().reason()));
            }
            AuditEntry last = entries.getLast();
            return page(last.seq, last.hash, checked + entries.size());
        });
    }

    @GET
    @RolesAllowed(Roles.COE)
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "The entries recorded in [from, to) as JSON lines (format=jsonl, the default) or CSV")
    public Uni<Response> export(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("format") @DefaultValue("jsonl") String format) {
        Instant start = instant("from", from, Instant.EPOCH);
        Instant end = instant("to", to, Instant.parse("9999-12-31T00:00:00Z"));
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new InvalidRequestException("format", "must be jsonl or csv");
        }
        return Panache.withSession(() -> AuditEntry.<AuditEntry>list(
                        "recordedAt >= ?1 and recordedAt < ?2 order by seq", start, end))
                .map(entries -> format.equals("csv")
                        ? Response.ok(csv(entries), "text/csv").build()
                        : Response.ok(jsonLines(entries), "application/x-ndjson").build());
    }

    private String jsonLines(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder();
        for (AuditEntry e : entries) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", e.seq);
            line.put("recordedAt", e.recordedAt.toString());
            line.put("actor", e.actor);
            line.put("action", e.action);
            line.put("subject", e.subject);
            line.put("details", e.details);
            line.put("prevHash", e.prevHash);
            line.put("hash", e.hash);
            try {
                out.append(json.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return out.toString();
    }

    private static String csv(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder("seq,recorded_at,actor,action,subject,details,prev_hash,hash\n");
        for (AuditEntry e : entries) {
            out.append(e.seq).append(',').append(e.recordedAt).append(',').append(quote(e.actor)).append(',')
                    .append(quote(e.action)).append(',').append(quote(e.subject)).append(',')
                    .append(quote(e.details)).append(',').append(e.prevHash).append(',').append(e.hash).append('\n');
        }
        return out.toString();
    }

    /** RFC 4180: every field quoted, quotes doubled. */
    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
