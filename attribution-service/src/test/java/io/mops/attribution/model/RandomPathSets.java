package io.mops.attribution.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random path sets for property tests: any shape a real export could have, small enough to check fast. */
final class RandomPathSets {

    private RandomPathSets() {
    }

    static PathSet generate(long seed, List<String> channels, int lines) {
        Random random = new Random(seed);
        List<AggregatedPath> paths = new ArrayList<>();
        for (int line = 0; line < lines; line++) {
            int length = 1 + random.nextInt(5);
            List<String> path = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                path.add(channels.get(random.nextInt(channels.size())));
            }
            long conversions = random.nextInt(4) == 0 ? 0 : random.nextInt(50);
            BigDecimal value = conversions == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(random.nextInt(1_000_000), 2);
            paths.add(new AggregatedPath(new Path(path), conversions, value, random.nextInt(100)));
        }
        return new PathSet("EUR", paths);
    }

    /** The same path set plus a mirror image in which channels {@code a} and {@code b} trade places. */
    static PathSet symmetrised(PathSet paths, String a, String b) {
        List<AggregatedPath> lines = new ArrayList<>(paths.paths());
        for (AggregatedPath line : paths.paths()) {
            List<String> swapped = line.path().channels().stream()
                    .map(c -> c.equals(a) ? b : c.equals(b) ? a : c).toList();
            lines.add(new AggregatedPath(new Path(swapped), line.conversions(), line.conversionValue(), line.nulls()));
        }
        return new PathSet(paths.currency(), lines);
    }
}
