package io.mops.attribution.connect;

import io.mops.common.events.ConversionObserved;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Matches a won deal to a customer's journey, so that its value is credited to the channels that brought the
 * customer. By click id first: a deal carrying a Google click id that an earlier touchpoint (a GA4 visit) carried
 * converts as that touchpoint's customer — its user id, else the CRM's customer, else its anonymous id — with the
 * touchpoint's anonymous id, which joins the device's anonymous visits to the journey. Else by customer: a deal whose
 * contact id (or email hash) is the user id of an earlier touchpoint converts as that user. A deal matching neither
 * would be a conversion no channel can be credited with; it is reported, not stored, so a later import (once the
 * touchpoints are in) still takes it.
 */
final class CrmMatch {

    /** The earliest touchpoint known for a click id or a user id. */
    record Touch(String userId, String anonymousId, Instant occurredAt) {
    }

    /** A deal matched to a journey, or the reason it is not. */
    record Outcome(ConversionObserved conversion, String unmatched) {
    }

    private CrmMatch() {
    }

    /**
     * The instant a deal converts at: the end of its close day, UTC, as the exports give the day only; the
     * touchpoints of that day are earlier.
     */
    static Instant convertedAt(LocalDate closeDate) {
        return closeDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    }

    /**
     * @param byClickId the earliest touchpoint of each click id the batch's deals carry
     * @param byUser    the earliest touchpoint of each customer the batch's deals name, as a user id
     */
    static Outcome match(CrmDeal deal, Map<String, Touch> byClickId, Map<String, Touch> byUser) {
        Instant at = convertedAt(deal.closeDate());
        if (deal.clickId() != null) {
            Touch click = byClickId.get(deal.clickId());
            if (click != null && !click.occurredAt().isAfter(at)) {
                String user = click.userId() != null ? click.userId()
                        : deal.customer() != null ? deal.customer() : click.anonymousId();
                return new Outcome(new ConversionObserved(user, click.anonymousId(), at, deal.amount(),
                        deal.currency()), null);
            }
        }
        if (deal.customer() != null) {
            Touch user = byUser.get(deal.customer());
            if (user != null && !user.occurredAt().isAfter(at)) {
                return new Outcome(new ConversionObserved(deal.customer(), null, at, deal.amount(), deal.currency()),
                        null);
            }
        }
        if (deal.clickId() == null && deal.customer() == null) {
            return new Outcome(null, "the deal names no customer and no click id to match a journey by");
        }
        StringBuilder reason = new StringBuilder("no touchpoint on or before ").append(deal.closeDate())
                .append(" with ");
        if (deal.clickId() != null) {
            reason.append("the click id '").append(deal.clickId()).append("'");
        }
        if (deal.customer() != null) {
            reason.append(deal.clickId() != null ? " or " : "").append("the user id '").append(deal.customer())
                    .append("'");
        }
        return new Outcome(null, reason.toString());
    }
}
