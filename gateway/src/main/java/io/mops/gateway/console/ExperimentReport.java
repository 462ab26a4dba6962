package io.mops.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's page: testing-service's readout per variant joined with the variant as planned (name, intended
 * share now, elimination), the guardrails it breached, and the chart data of the uplift intervals. Every figure is the
 * service's; this only lines them up.
 */
public record ExperimentReport(ExperimentsApi.Experiment experiment, String metricKind, String controlVariant,
                               String winner, List<Row> rows, ExperimentsApi.SampleRatio sampleRatio,
                               List<ExperimentsApi.Guardrail> guardrails, List<ExperimentsApi.Period> periods) {

    /**
     * One variant.
     *
     * @param share        the traffic share it is meant to receive now; {@code null} if the plan no longer lists it
     * @param breached     the guardrail metrics on which it is worse than the control beyond chance
     */
    public record Row(String key, String name, boolean control, boolean live, Double share, long exposures,
                      Long conversions, double mean, Double chanceToBeBest, Double chanceToBeatControl,
                      ExperimentsApi.Uplift uplift, ExperimentsApi.Interval interval, Double pValue,
                      String eliminatedReason, boolean winner, List<String> breached) {
    }

    public static ExperimentReport of(ExperimentsApi.Detail detail, ExperimentsApi.Results results) {
        Map<String, ExperimentsApi.Variant> planned = new LinkedHashMap<>();
        detail.variants().forEach(v -> planned.put(v.key(), v));
        ExperimentsApi.Readout readout = results.readout();
        List<Row> rows = new ArrayList<>();
        List<ExperimentsApi.Guardrail> guardrails = readout == null ? List.of() : readout.guardrails();
        if (readout != null) {
            for (ExperimentsApi.VariantResult v : readout.variants()) {
                ExperimentsApi.Variant plan = planned.get(v.variantKey());
                ExperimentsApi.Bayesian bayes = v.bayesian();
                List<String> breached = guardrails.stream()
                        .filter(g -> g.breached() && g.variantKey().equals(v.variantKey()))
                        .map(ExperimentsApi.Guardrail::metric).toList();
                rows.add(new Row(v.variantKey(), plan == null ? v.variantKey() : plan.name(),
                        v.variantKey().equals(readout.controlVariant()), v.live(), plan == null ? null : plan.share(),
                        v.exposures(), v.conversions(), v.mean(), bayes == null ? null : bayes.chanceToBeBest(),
                        bayes == null ? null : bayes.chanceToBeatControl(), bayes == null ? null : bayes.uplift(),
                        bayes == null ? null : bayes.interval(),
                        v.againstControl() == null ? null : v.againstControl().pValue(),
                        plan == null ? null : plan.eliminatedReason(), v.variantKey().equals(results.winner()),
                        breached));
            }
        }
        return new ExperimentReport(detail.experiment(), readout == null ? null : readout.metricKind(),
                readout == null ? null : readout.controlVariant(), results.winner(), List.copyOf(rows),
                readout == null ? null : readout.sampleRatio(), guardrails, results.periods());
    }

    public boolean anyGuardrailBreached() {
        return guardrails.stream().anyMatch(ExperimentsApi.Guardrail::breached);
    }

    /** The variants with an uplift interval, in the readout's order: the chart's bars. */
    private List<Row> charted() {
        return rows.stream().filter(r -> r.uplift() != null).toList();
    }

    public List<String> chartLabels() {
        return charted().stream().map(Row::key).toList();
    }

    /** Ends and estimates of the uplift intervals, in percent, for the chart. */
    public List<Double> chartLows() {
        return charted().stream().map(r -> percent(r.uplift().low())).toList();
    }

    public List<Double> chartEstimates() {
        return charted().stream().map(r -> percent(r.uplift().estimate())).toList();
    }

    public List<Double> chartHighs() {
        return charted().stream().map(r -> percent(r.uplift().high())).toList();
    }

    /** The credible level of the intervals (the same for every variant), e.g. 0.95; {@code null} without any. */
    public Double chartLevel() {
        return charted().stream().map(r -> r.uplift().level()).findFirst().orElse(null);
    }

    /** The variants with a credible interval of their own metric, in the readout's order. */
    private List<Row> withInterval() {
        return rows.stream().filter(r -> r.interval() != null).toList();
    }

    /** A conversion rate is drawn in percent; a continuous metric in its own unit. */
    public boolean ratesInPercent() {
        return !"CONTINUOUS".equals(metricKind);
    }

    public List<String> posteriorLabels() {
        return withInterval().stream().map(Row::key).toList();
    }

    /** The credible intervals' ends and the posterior means, for the posterior interval chart. */
    public List<Double> posteriorLows() {
        return withInterval().stream().map(r -> scaled(r.interval().low())).toList();
    }

    public List<Double> posteriorMeans() {
        return withInterval().stream().map(r -> scaled(r.mean())).toList();
    }

    public List<Double> posteriorHighs() {
        return withInterval().stream().map(r -> scaled(r.interval().high())).toList();
    }

    /** The level of the variants' own credible intervals, e.g. 0.95; {@code null} without any. */
    public Double posteriorLevel() {
        return withInterval().stream().map(r -> r.interval().level()).findFirst().orElse(null);
    }

    private double scaled(double value) {
        return ratesInPercent() ? percent(value) : java.math.BigDecimal.valueOf(value)
                .round(new java.math.MathContext(6)).doubleValue();
    }

    private static double percent(double share) {
        return java.math.BigDecimal.valueOf(share).movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }
}
