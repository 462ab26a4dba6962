package io.mops.attribution.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data-driven model of Anderl et al. (2016) as ChannelAttribution implements it: fit a Markov chain of order
 * {@code k} to the paths, and credit each channel in proportion to its removal effect, the share of conversions the
 * chain would lose if the channel did not exist ({@code RE_c = 1 - P(conversion without c) / P(conversion)}).
 * Probabilities are solved from the absorbing chain, not simulated, so the result is deterministic; the sparse solver
 * bounds each removal effect's error by {@code 2 · 10^-12} (see {@link AbsorbingChain#solveIteratively}).
 * <p>
 * Value is credited in proportion to the value removal effect, the share of expected conversion value lost (each
 * state converting at the mean value of the conversions observed after it); with equal values per conversion the
 * two coincide.
 */
public final class MarkovRemovalEffect implements AttributionModel {

    public static final String NAME_PREFIX = "markov-";
    public static final int MAX_ORDER = 4;

    private final int order;

    public MarkovRemovalEffect(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new AttributionInputException("the Markov order must be between 1 and " + MAX_ORDER);
        }
        this.order = order;
    }

    public int order() {
        return order;
    }

    @Override
    public String name() {
        return NAME_PREFIX + order;
    }

    /** Per channel (alphabetically): {@code {removal effect on conversions, removal effect on value}}. */
    public Map<String, double[]> removalEffects(PathSet paths) {
        AbsorbingChain chain = AbsorbingChain.fit(paths, order);
        AbsorbingChain.Absorption all = chain.absorption();
        Map<String, double[]> effects = new LinkedHashMap<>();
        for (String channel : paths.channels()) {
            AbsorbingChain.Absorption without = chain.absorptionWithout(state -> state.contains(channel), all);
            effects.put(channel, new double[]{removalEffect(all.probability(), without.probability()),
                    removalEffect(all.value(), without.value())});
        }
        return effects;
    }

    private static double removalEffect(double with, double without) {
        if (with <= 0) {
            return 0;
        }
        // Removing states can only lose conversions; a tiny negative is within the solver's bound of 2e-12.
        return Math.max(0, 1 - without / with);
    }

    @Override
    public Attribution credit(PathSet paths) {
        CreditLedger ledger = new CreditLedger();
        for (Map.Entry<String, double[]> effect : removalEffects(paths).entrySet()) {
            ledger.credit(effect.getKey(), effect.getValue()[0], effect.getValue()[1]);
        }
        return ledger.toAttribution(name(), paths);
    }
}
