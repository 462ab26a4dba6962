package io.mops.simulator.experiment;

import io.mops.simulator.market.ExperimentSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What one experiment's traffic earned under the platform's allocation, against the two references: an even split
 * of the same visitors, and the oracle that sends everyone to the true best variant. Regret is measured in expected
 * conversions lost against the oracle (true rates, not the sampled outcomes), so it carries no sampling noise.
 */
public final class ExperimentLedger {

    private final ExperimentSpec spec;
    private final double meanRate;
    private double visitors;
    private double banditRegret;
    private final List<double[]> dailyCumulative = new ArrayList<>();
    private final List<double[]> dailyShares = new ArrayList<>();

    public ExperimentLedger(ExperimentSpec spec) {
        this.spec = spec;
        this.meanRate = spec.variants().stream().mapToDouble(ExperimentSpec.VariantSpec::conversionRate).average().orElseThrow();
    }

    public ExperimentSpec spec() {
        return spec;
    }

    /** Records one day: how many visitors the platform sent to each variant (in the spec's variant order). */
    public void day(int[] visitorsPerVariant) {
        double best = spec.bestRate();
        int total = 0;
        double[] share = new double[visitorsPerVariant.length];
        for (int v = 0; v < visitorsPerVariant.length; v++) {
            total += visitorsPerVariant[v];
            banditRegret += visitorsPerVariant[v] * (best - spec.variants().get(v).conversionRate());
        }
        for (int v = 0; v < share.length; v++) {
            share[v] = total == 0 ? 0 : (double) visitorsPerVariant[v] / total;
        }
        visitors += total;
        dailyShares.add(share);
        dailyCumulative.add(new double[] {banditRegret, evenSplitRegret()});
    }

    /** Expected conversions the platform's allocation lost against sending every visitor to the true best. */
    public double banditRegret() {
        return banditRegret;
    }

    /** The same for an even split of the same visitors. */
    public double evenSplitRegret() {
        return visitors * (spec.bestRate() - meanRate);
    }

    public double visitors() {
        return visitors;
    }

    /** Per day: cumulative regret of the bandit and of the even split. */
    public List<double[]> cumulativeRegret() {
        return dailyCumulative;
    }

    /** Per day: the share of visitors each variant received. */
    public List<double[]> shares() {
        return dailyShares;
    }
}
