package io.mops.approval.policy;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Whether a policy's conditions hold for a request, and whether two policies' conditions can hold at once. */
public final class PolicyMatch {

    private PolicyMatch() {
    }

    public static boolean matches(PolicyDocument.Match m, RequestFacts r) {
        if (!m.kinds().contains(r.kind())) {
            return false;
        }
        if (!m.channels().isEmpty() && (r.channel() == null || !m.channels().contains(r.channel()))) {
            return false;
        }
        if (m.amountAbove() != null || m.amountUpTo() != null) {
            if (r.amount() == null || !Objects.equals(m.currency(), r.currency())) {
                return false;
            }
            if (m.amountAbove() != null && r.amount().compareTo(m.amountAbove()) <= 0) {
                return false;
            }
            if (m.amountUpTo() != null && r.amount().compareTo(m.amountUpTo()) > 0) {
                return false;
            }
        }
        if (m.riskScoreAtLeast() != null && (r.riskScore() == null || r.riskScore() < m.riskScoreAtLeast())) {
            return false;
        }
        if (m.riskScoreBelow() != null && (r.riskScore() == null || r.riskScore() >= m.riskScoreBelow())) {
            return false;
        }
        if (!m.verdicts().isEmpty() && (r.verdict() == null || !m.verdicts().contains(r.verdict()))) {
            return false;
        }
        return m.categories().isEmpty() || m.categories().stream().anyMatch(r.categories()::contains);
    }

    /**
     * Whether some request could match both. Categories never keep two policies apart: one request can touch the
     * categories of both.
     */
    public static boolean overlap(PolicyDocument.Match a, PolicyDocument.Match b) {
        if (disjoint(a.kinds(), b.kinds()) || bothSet(a.channels(), b.channels()) && disjoint(a.channels(), b.channels())
                || bothSet(a.verdicts(), b.verdicts()) && disjoint(a.verdicts(), b.verdicts())) {
            return false;
        }
        boolean aAmounts = a.amountAbove() != null || a.amountUpTo() != null;
        boolean bAmounts = b.amountAbove() != null || b.amountUpTo() != null;
        if (aAmounts && bAmounts) {
            if (!Objects.equals(a.currency(), b.currency())) {
                return false;
            }
            if (!intervalsMeet(a.amountAbove(), a.amountUpTo(), b.amountAbove(), b.amountUpTo())) {
                return false;
            }
        }
        int aLow = a.riskScoreAtLeast() == null ? 0 : a.riskScoreAtLeast();
        int aHigh = a.riskScoreBelow() == null ? 101 : a.riskScoreBelow();
        int bLow = b.riskScoreAtLeast() == null ? 0 : b.riskScoreAtLeast();
        int bHigh = b.riskScoreBelow() == null ? 101 : b.riskScoreBelow();
        return Math.max(aLow, bLow) < Math.min(aHigh, bHigh);
    }

    /** (aLow, aHigh] and (bLow, bHigh] share a value; an absent bound is open. */
    private static boolean intervalsMeet(BigDecimal aLow, BigDecimal aHigh, BigDecimal bLow, BigDecimal bHigh) {
        BigDecimal low = max(aLow, bLow);
        BigDecimal high = min(aHigh, bHigh);
        return low == null || high == null || low.compareTo(high) < 0;
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static boolean bothSet(List<String> a, List<String> b) {
        return !a.isEmpty() && !b.isEmpty();
    }

    private static boolean disjoint(Collection<String> a, Collection<String> b) {
        return a.stream().noneMatch(b::contains);
    }
}
