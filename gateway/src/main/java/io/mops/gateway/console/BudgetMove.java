package io.mops.gateway.console;

import java.math.BigDecimal;
import java.util.List;

/**
 * A budget move as approvers read it (budget-service's {@code ReallocationEvidence} v1): each channel's spend before
 * and after, and the expected change of attributed value with a 95 % interval, expected ± z·SE with z the normal
 * distribution's 97.5 % quantile — the standard errors come from the response curves' fits, and the interval is as
 * good as the normal approximation those fits assume.
 */
public record BudgetMove(String planId, String planName, String currency, BigDecimal amountMoved,
                         Interval expectedChange, List<Channel> channels, String reason) {

    /** Φ⁻¹(0.975), the two-sided 95 % normal quantile. */
    static final double Z_95 = 1.959963984540054;

    public record Interval(double expected, double low, double high) {

        static Interval of(double expected, double standardError) {
            double half = Z_95 * Math.abs(standardError);
            return new Interval(expected, expected - half, expected + half);
        }

        /** Whether the interval leaves out zero: the data say the change has this sign. */
        public boolean clearOfZero() {
            return low > 0 || high < 0;
        }
    }

    public record Channel(String channel, BigDecimal before, BigDecimal after, BigDecimal shift,
                          Interval expectedChange, Double curveRSquared, Integer curveObservations, Curve curve) {
    }

    /**
     * The channel's fitted response curve over the plan's period as budget-service sampled it: attributed value at
     * each amount of spend, and at the spend before and after the move.
     */
    public record Curve(List<Double> spend, List<Double> outcome, double outcomeBefore, double outcomeAfter) {

        /** Drawable: as many values as amounts, at least two. */
        public boolean drawable() {
            return spend != null && outcome != null && spend.size() == outcome.size() && spend.size() > 1;
        }
    }

    /** Evidence content as budget-service sends it. */
    public record Evidence(String planId, String planName, String currency, BigDecimal amountMoved,
                           double expectedOutcomeChange, double expectedOutcomeChangeStandardError,
                           List<EvidenceChannel> channels, String reason) {
    }

    public record EvidenceChannel(String channel, BigDecimal before, BigDecimal after, double expectedOutcomeChange,
                                  double standardError, Double curveRSquared, Integer curveObservations,
                                  Curve curve) {
    }

    public static BudgetMove of(Evidence evidence) {
        List<Channel> channels = (evidence.channels() == null ? List.<EvidenceChannel>of() : evidence.channels())
                .stream()
                .map(c -> new Channel(c.channel(), c.before(), c.after(),
                        c.before() == null || c.after() == null ? null : c.after().subtract(c.before()),
                        Interval.of(c.expectedOutcomeChange(), c.standardError()), c.curveRSquared(),
                        c.curveObservations(), c.curve() != null && c.curve().drawable() ? c.curve() : null))
                .toList();
        return new BudgetMove(evidence.planId(), evidence.planName(), evidence.currency(), evidence.amountMoved(),
                Interval.of(evidence.expectedOutcomeChange(), evidence.expectedOutcomeChangeStandardError()),
                channels, evidence.reason());
    }

    /** Channel names, spend before and after, in one order: what the bar chart draws. */
    public List<String> labels() {
        return channels.stream().map(Channel::channel).toList();
    }

    public List<BigDecimal> before() {
        return channels.stream().map(Channel::before).toList();
    }

    public List<BigDecimal> after() {
        return channels.stream().map(Channel::after).toList();
    }
}
