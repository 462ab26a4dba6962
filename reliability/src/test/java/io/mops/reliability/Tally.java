package io.mops.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one scenario did to one stream of events: how many distinct events were sent (acknowledged by Kafka), how
 * many the service applied, how many it applied more than once and how many it dead-lettered, with notes of the
 * scenario's own (the fault's timing, redeliveries). Lost is what is neither applied nor dead-lettered.
 *
 * @param sent         distinct events Kafka acknowledged (a repeat of an event sent before is not a new one)
 * @param applied      distinct events whose effect the service stored
 * @param appliedTwice stored effects beyond the first per event
 * @param deadLettered distinct events written to the dead-letter topic and not applied from another copy (a repeat
 *                     or a redelivery) either: what is left to replay
 */
record Tally(String scenario, long sent, long applied, long appliedTwice, long deadLettered,
             Map<String, String> notes) {

    Tally {
        notes = Map.copyOf(new LinkedHashMap<>(notes));
    }

    long lost() {
        return sent - applied - deadLettered;
    }

    /** The scenario's numbers as a table, every one of them. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("\n== ").append(scenario).append('\n');
        row(out, "events sent", sent);
        row(out, "applied", applied);
        row(out, "lost", lost());
        row(out, "applied twice", appliedTwice);
        row(out, "dead-lettered", deadLettered);
        notes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(note -> out.append(String.format("| %-56s | %14s |%n", note.getKey(), note.getValue())));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, long value) {
        out.append(String.format("| %-56s | %,14d |%n", name, value));
    }
}
