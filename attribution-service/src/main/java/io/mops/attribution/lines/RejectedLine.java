package io.mops.attribution.lines;

/** A line of an upload that could not be read, with its 1-based number (a CSV header is line 1) and the reason. */
public record RejectedLine(long line, String reason) {
}
