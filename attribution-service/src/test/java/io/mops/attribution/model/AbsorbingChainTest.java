package io.mops.attribution.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sparse solver of the Markov chain against the dense LU solution and against a simulation of the chain. */
class AbsorbingChainTest {

    static final double AGREEMENT = 1e-9;
    static final List<String> CHANNELS = List.of("search", "social", "email", "display", "affiliate", "video");

    /**
     * Gauss–Seidel with its stopping bound against LU on the same chain, for the whole chain and with each channel
     * removed: conversion probability to 1e-9, expected value to 1e-9 of the whole chain's, and the dense answer
     * inside the bound the sweeps report (which is a bound on the error, so it must cover the difference).
     */
    @ParameterizedTest(name = "order {0}, seed {1}")
    @CsvSource({"1, 1", "1, 2", "2, 3", "2, 4", "3, 5", "3, 6", "4, 7", "4, 8"})
    void sweepsAgreeWithTheDenseLuSolution(int order, long seed) {
        PathSet paths = RandomPathSets.generate(seed, CHANNELS, 80);
        AbsorbingChain chain = AbsorbingChain.fit(paths, order);

        AbsorbingChain.Absorption denseWhole = chain.solveDensely(new boolean[chain.stateCount()]);
        List<Predicate<List<String>>> removals = new ArrayList<>();
        removals.add(state -> false);
        CHANNELS.forEach(channel -> removals.add(state -> state.contains(channel)));
        for (Predicate<List<String>> removal : removals) {
            boolean[] removed = chain.removedStates(removal);
            AbsorbingChain.Absorption dense = chain.solveDensely(removed);
            AbsorbingChain.Absorption sparse = chain.solveIteratively(removed, denseWhole.probability(),
                    denseWhole.value());

            assertNotNull(sparse);
            assertEquals(dense.probability(), sparse.probability(), AGREEMENT);
            assertEquals(dense.value(), sparse.value(), AGREEMENT * denseWhole.value());
            assertTrue(dense.probability() - sparse.probability() <= sparse.probabilityError() + 1e-15,
                    dense + " vs " + sparse);
            assertTrue(dense.value() - sparse.value() <= sparse.valueError() + 1e-12 * denseWhole.value(),
                    dense + " vs " + sparse);
        }
    }

    /** The removal effects the model reports, against removal effects computed from LU solutions. */
    @ParameterizedTest(name = "order {0}, seed {1}")
    @CsvSource({"1, 11", "2, 12", "3, 13", "4, 14"})
    void removalEffectsAgreeWithThoseOfTheDenseSolution(int order, long seed) {
        PathSet paths = RandomPathSets.generate(seed, CHANNELS, 60);
        AbsorbingChain chain = AbsorbingChain.fit(paths, order);
        AbsorbingChain.Absorption whole = chain.solveDensely(new boolean[chain.stateCount()]);

        Map<String, double[]> effects = new MarkovRemovalEffect(order).removalEffects(paths);

        for (String channel : CHANNELS) {
            AbsorbingChain.Absorption without = chain.solveDensely(chain.removedStates(s -> s.contains(channel)));
            assertEquals(1 - without.probability() / whole.probability(), effects.get(channel)[0], AGREEMENT, channel);
            assertEquals(1 - without.value() / whole.value(), effects.get(channel)[1], AGREEMENT, channel);
        }
    }

    /**
     * Order 3 over 12 channels, a chain of more states than the dense solver was ever allowed, against an
     * independent simulation: the transition counts are taken from the paths again here and 400,000 journeys walk the
     * chain from start (fixed seed), for the whole chain and with each channel removed. Each solved probability lies
     * within four standard errors of the simulated share, √(p(1-p)/n) ≈ 0.0007.
     */
    @Test
    void orderThreeOverTwelveChannelsAgreesWithASimulationOfTheChain() {
        List<String> channels = IntStream.range(0, 12).mapToObj(i -> "ch" + i).toList();
        PathSet paths = RandomPathSets.generate(2026, channels, 4000);
        AbsorbingChain chain = AbsorbingChain.fit(paths, 3);
        assertTrue(chain.stateCount() > 1000, "states: " + chain.stateCount());
        SimulatedChain simulation = new SimulatedChain(paths, 3);
        int walks = 400_000;

        AbsorbingChain.Absorption whole = chain.absorption();
        assertWithinFourStandardErrors(whole.probability(), simulation.conversionShare(s -> false, walks, 1), walks);
        for (String channel : channels) {
            double solved = chain.absorptionWithout(s -> s.contains(channel), whole).probability();
            double simulated = simulation.conversionShare(s -> s.contains(channel), walks, channel.hashCode());
            assertWithinFourStandardErrors(solved, simulated, walks);
        }
    }

    private static void assertWithinFourStandardErrors(double solved, double simulated, int walks) {
        double standardError = Math.sqrt(simulated * (1 - simulated) / walks);
        assertEquals(simulated, solved, 4 * standardError, "solved " + solved + ", simulated " + simulated);
    }

    /**
     * ChannelAttribution skips a state equal to the previous one (it keeps no self-transitions); MOPS keeps them. A
     * self-transition only repeats a visit: from the state, the chain still leaves to each other state in proportion
     * to the same counts, so every absorption probability, and hence every removal effect, is the same. Checked by
     * shortening every run of one channel to {@code order} touches, which removes exactly the repeated states.
     */
    @ParameterizedTest(name = "order {0}")
    @CsvSource({"1", "2", "3", "4"})
    void selfTransitionsDoNotChangeRemovalEffects(int order) {
        List<AggregatedPath> lines = new ArrayList<>(
                RandomPathSets.generate(40 + order, List.of("search", "email", "video"), 120).paths());
        lines.add(AggregatedPath.of("email > search > search > search > search > search > search > video", 3, "90", 4));
        lines.add(AggregatedPath.of("video > video > video > video > video > video", 1, "20", 6));
        PathSet paths = new PathSet("EUR", lines);
        PathSet withoutRepeats = new PathSet(paths.currency(), paths.paths().stream()
                .map(line -> new AggregatedPath(runsCappedAt(line.path(), order), line.conversions(),
                        line.conversionValue(), line.nulls()))
                .toList());
        assertTrue(paths.paths().stream().anyMatch(l -> !runsCappedAt(l.path(), order).equals(l.path())));

        Map<String, double[]> kept = new MarkovRemovalEffect(order).removalEffects(paths);
        Map<String, double[]> skipped = new MarkovRemovalEffect(order).removalEffects(withoutRepeats);

        for (String channel : kept.keySet()) {
            assertEquals(skipped.get(channel)[0], kept.get(channel)[0], AGREEMENT, channel);
            assertEquals(skipped.get(channel)[1], kept.get(channel)[1], AGREEMENT, channel);
        }
    }

    private static Path runsCappedAt(Path path, int order) {
        List<String> channels = new ArrayList<>();
        int run = 0;
        for (String channel : path.channels()) {
            run = !channels.isEmpty() && channels.getLast().equals(channel) ? run + 1 : 1;
            if (run <= order) {
                channels.add(channel);
            }
        }
        return new Path(channels);
    }

    /**
     * The chain of order {@code k} as the docs define it, fitted here from the paths without the production code:
     * states are the sliding windows of k channels, transitions counted once per journey.
     */
    static final class SimulatedChain {

        private static final List<String> CONVERSION = List.of("(conversion)");
        private static final List<String> NULL = List.of("(null)");

        /** The states a state leads to, with their cumulative transition counts, for drawing by binary search. */
        private record Choices(List<List<String>> targets, double[] cumulative) {

            static Choices of(Map<List<String>, Double> counts) {
                List<List<String>> targets = new ArrayList<>();
                double[] cumulative = new double[counts.size()];
                double total = 0;
                for (Map.Entry<List<String>, Double> entry : counts.entrySet()) {
                    if (entry.getValue() > 0) {
                        total += entry.getValue();
                        cumulative[targets.size()] = total;
                        targets.add(entry.getKey());
                    }
                }
                return new Choices(targets, Arrays.copyOf(cumulative, targets.size()));
            }

            List<String> draw(SplittableRandom random) {
                double u = random.nextDouble() * cumulative[cumulative.length - 1];
                int i = Arrays.binarySearch(cumulative, u);
                i = i >= 0 ? i + 1 : -i - 1;
                return targets.get(Math.min(i, targets.size() - 1));
            }
        }

        private final Choices fromStart;
        private final Map<List<String>, Choices> next = new HashMap<>();

        SimulatedChain(PathSet paths, int order) {
            Map<List<String>, Map<List<String>, Double>> counts = new HashMap<>();
            Map<List<String>, Double> firsts = new HashMap<>();
            for (AggregatedPath line : paths.paths()) {
                List<String> channels = line.path().channels();
                List<List<String>> visited = new ArrayList<>();
                if (channels.size() < order) {
                    visited.add(channels);
                }
                for (int w = 0; w + order <= channels.size(); w++) {
                    visited.add(List.copyOf(channels.subList(w, w + order)));
                }
                double journeys = line.conversions() + line.nulls();
                if (journeys == 0) {
                    continue;
                }
                firsts.merge(visited.getFirst(), journeys, Double::sum);
                for (int i = 0; i + 1 < visited.size(); i++) {
                    counts.computeIfAbsent(visited.get(i), s -> new HashMap<>())
                            .merge(visited.get(i + 1), journeys, Double::sum);
                }
                Map<List<String>, Double> last = counts.computeIfAbsent(visited.getLast(), s -> new HashMap<>());
                last.merge(CONVERSION, (double) line.conversions(), Double::sum);
                last.merge(NULL, (double) line.nulls(), Double::sum);
            }
            fromStart = Choices.of(firsts);
            counts.forEach((state, out) -> next.put(state, Choices.of(out)));
        }

        /** The share of {@code walks} journeys from start that end in conversion; entering a removed state ends them. */
        double conversionShare(Predicate<List<String>> removed, int walks, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            long converted = 0;
            for (int walk = 0; walk < walks; walk++) {
                List<String> state = fromStart.draw(random);
                while (true) {
                    if (state == CONVERSION) {
                        converted++;
                        break;
                    }
                    if (state == NULL || removed.test(state)) {
                        break;
                    }
                    state = next.get(state).draw(random);
                }
            }
            return (double) converted / walks;
        }
    }
}
