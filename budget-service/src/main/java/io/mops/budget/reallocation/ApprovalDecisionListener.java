package io.mops.budget.reallocation;

import io.mops.budget.guard.RiskGuard;
import io.mops.common.events.ApprovalExpired;
import io.mops.common.events.ApprovalGranted;
import io.mops.common.events.ApprovalRejected;
import io.mops.common.events.ChangesRequested;
import io.mops.common.events.EventCodec;
import io.mops.common.events.PoisonEventException;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * Hears approval-service's decisions. The topic carries decisions on every kind of request from every service; only
 * those on this service's reallocation proposals are acted on, each once. A decision that can never be read is
 * dead-lettered by the connector.
 */
@ApplicationScoped
public class ApprovalDecisionListener {

    static final String GRANTED = "budget.reallocation-granted";
    static final String REJECTED = "budget.reallocation-rejected";
    static final String CHANGES_REQUESTED = "budget.reallocation-changes-requested";
    static final String EXPIRED = "budget.reallocation-approval-expired";
    static final String INCIDENT_RESOLVED = "budget.guard-incident-resolved";

    private final EventCodec codec;
    private final ReallocationService reallocation;
    private final RiskGuard guard;

    public ApprovalDecisionListener(EventCodec codec, ReallocationService reallocation, RiskGuard guard) {
        this.codec = codec;
        this.reallocation = reallocation;
        this.guard = guard;
    }

    @Incoming("approval-decisions")
    @RetryWhileDatabaseAway
    public Uni<Void> onDecision(String payload) {
        return Uni.createFrom().deferred(() -> {
            var granted = codec.readIf(payload, ApprovalGranted.TYPE);
            if (granted.isPresent()) {
                var event = granted.get();
                if (incident(event.data().kind(), event.data().reference())) {
                    return guard.onIncidentResolved(event, INCIDENT_RESOLVED);
                }
                return ours(event.data().kind(), event.data().reference())
                        ? reallocation.onGranted(event, GRANTED)
                        : Uni.createFrom().voidItem();
            }
            var rejected = codec.readIf(payload, ApprovalRejected.TYPE);
            if (rejected.isPresent()) {
                var event = rejected.get();
                return ours(event.data().kind(), event.data().reference())
                        ? reallocation.onRejected(event, REJECTED)
                        : Uni.createFrom().voidItem();
            }
            var changes = codec.readIf(payload, ChangesRequested.TYPE);
            if (changes.isPresent()) {
                var event = changes.get();
                // Not granted: a proposal is not edited; newer evidence brings a newer proposal.
                return ours(event.data().kind(), event.data().reference())
                        ? reallocation.onNotGranted(event, CHANGES_REQUESTED, event.data().reference(),
                        ProposalStatus.REJECTED, "changes requested by " + event.data().requestedBy(),
                        event.data().comment())
                        : Uni.createFrom().voidItem();
            }
            var expired = codec.readIf(payload, ApprovalExpired.TYPE);
            if (expired.isPresent()) {
                var event = expired.get();
                return ours(event.data().kind(), event.data().reference())
                        ? reallocation.onNotGranted(event, EXPIRED, event.data().reference(), ProposalStatus.EXPIRED,
                        ReallocationService.BY_EXPIRY, "approval-service: nobody decided before "
                                + event.data().expiredAt())
                        : Uni.createFrom().voidItem();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * A granted incident is its resolution by people; a rejected or expired one leaves the containment in place
     * (only a person lifts it, by a grant or by the CoE's resolution over REST).
     */
    private static boolean incident(String kind, String reference) {
        if (!RiskGuard.INCIDENT.equals(kind)) {
            return false;
        }
        try {
            UUID.fromString(reference);
            return true;
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("reference '" + reference + "' of an Incident decision is no anomaly id");
        }
    }

    private static boolean ours(String kind, String reference) {
        if (!ReallocationService.KIND.equals(kind)) {
            return false;
        }
        try {
            UUID.fromString(reference);
            return true;
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("reference '" + reference + "' of a " + kind + " decision is no proposal id");
        }
    }
}
