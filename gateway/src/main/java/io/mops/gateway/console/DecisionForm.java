package io.mops.gateway.console;

import java.util.Set;

/** What an approver submits from the request page, checked before it is sent on. */
final class DecisionForm {

    static final Set<String> VERDICTS = Set.of("GRANT", "REJECT", "REQUEST_CHANGES");

    /** The body approval-service's {@code POST /approvals/{id}/decisions} takes. */
    record Decision(String verdict, String comment) {
    }

    private DecisionForm() {
    }

    /** Why a submission cannot be sent, or null when it can: the same rules approval-service applies. */
    static String problem(String verdict, String comment) {
        if (verdict == null || !VERDICTS.contains(verdict)) {
            return "Choose grant, reject or request changes.";
        }
        if (!verdict.equals("GRANT") && (comment == null || comment.isBlank())) {
            return "A comment is required to reject or to request changes: the requester must learn why.";
        }
        if (comment != null && comment.length() > 2000) {
            return "The comment is longer than 2,000 characters.";
        }
        return null;
    }
}
