package io.mops.attribution.credit;

import io.mops.attribution.lines.RejectedLine;

import java.util.List;

/** An uploaded path file with unreadable lines: all of them are reported and none of the file is used. */
public class PathFileRejectedException extends RuntimeException {

    private final List<RejectedLine> rejected;

    public PathFileRejectedException(List<RejectedLine> rejected) {
        super(rejected.size() + (rejected.size() == 1 ? " line" : " lines") + " rejected; nothing was applied");
        this.rejected = List.copyOf(rejected);
    }

    public List<RejectedLine> rejected() {
        return rejected;
    }
}
