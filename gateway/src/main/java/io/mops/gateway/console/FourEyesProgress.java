package io.mops.gateway.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Who has decided a request and who still must: per stage, the grants that count (given on the current evidence)
 * against the stage's quorum and the groups that can still supply the rest.
 */
public record FourEyesProgress(int needed, int granted, List<StageProgress> stages, List<RequestDetail.Decision> decided,
                               List<RequestDetail.Decision> stale) {

    public record StageProgress(int position, String name, List<String> groups, int quorum, int grants, boolean open,
                                boolean complete, List<String> grantedBy) {

        public int stillNeeded() {
            return Math.max(0, quorum - grants);
        }
    }

    public static FourEyesProgress of(RequestDetail detail) {
        List<RequestDetail.Decision> current = new ArrayList<>();
        List<RequestDetail.Decision> stale = new ArrayList<>();
        for (RequestDetail.Decision d : detail.decisions()) {
            (d.stale() ? stale : current).add(d);
        }
        List<StageProgress> stages = detail.stages().stream().map(s -> new StageProgress(s.position(), s.name(),
                s.groups() == null ? List.of() : s.groups().stream().sorted().toList(), s.quorum(), s.grants(),
                s.open(), s.complete(),
                current.stream().filter(d -> "GRANT".equals(d.verdict()) && d.stage() != null
                        && d.stage() == s.position()).map(FourEyesProgress::who).toList())).toList();
        int granted = stages.stream().mapToInt(s -> Math.min(s.grants(), s.quorum())).sum();
        return new FourEyesProgress(detail.approversNeeded(), granted, stages, current, stale);
    }

    /** "nina" or "nina for alice" when she decided in a delegated seat. */
    static String who(RequestDetail.Decision d) {
        return d.onBehalfOf() == null || d.onBehalfOf().isBlank() ? d.decidedBy()
                : d.decidedBy() + " for " + d.onBehalfOf();
    }
}
