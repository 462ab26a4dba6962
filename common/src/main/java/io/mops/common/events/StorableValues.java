package io.mops.common.events;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values Bean Validation lets through but PostgreSQL refuses or mangles: a NUL character in text (refused: the
 * whole batch insert of a poll would fail with it, taking valid events with it) and a date outside years 1-9999
 * (year 300000 is stored as {@code infinity}). An event carrying one is poison on its own, found before any write.
 */
final class StorableValues {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    private StorableValues() {
    }

    /** Every offending value with its path in the event's data, empty when all can be stored as they are. */
    static List<String> problems(Object data) {
        List<String> problems = new ArrayList<>();
        walk(data, "", problems);
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems) {
        switch (value) {
            case null -> {
            }
            case String text -> {
                if (text.indexOf('\u0000') >= 0) {
                    problems.add(path + " contains a NUL character");
                }
            }
            case Instant instant -> year(instant.atOffset(ZoneOffset.UTC).getYear(), path, problems);
            case OffsetDateTime time -> year(time.getYear(), path, problems);
            case ZonedDateTime time -> year(time.getYear(), path, problems);
            case LocalDateTime time -> year(time.getYear(), path, problems);
            case LocalDate date -> year(date.getYear(), path, problems);
            case Optional<?> optional -> optional.ifPresent(v -> walk(v, path, problems));
            case Collection<?> items -> {
                int i = 0;
                for (Object item : items) {
                    walk(item, path + "[" + i++ + "]", problems);
                }
            }
            case Map<?, ?> entries -> entries.forEach((k, v) -> {
                walk(k, path + "[key]", problems);
                walk(v, path + "[" + k + "]", problems);
            });
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    try {
                        walk(component.getAccessor().invoke(record),
                                path.isEmpty() ? component.getName() : path + "." + component.getName(), problems);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + component, e);
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void year(int year, String path, List<String> problems) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            problems.add(path + " is in year " + year + ", outside " + FIRST_YEAR + "-" + LAST_YEAR);
        }
    }
}
