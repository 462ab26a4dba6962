package io.mops.budget.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The CoE's setting of each detector, as stored; every change is kept with who made it, when, and the whole setting
 * before and after, in the transaction that makes it.
 */
@ApplicationScoped
public class DetectorSettings {

    private final ObjectMapper json;
    private final Clock clock;

    public DetectorSettings(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    static Detector detector(String key) {
        return Detector.ofKey(key).orElseThrow(() -> new NotFoundProblem("no detector " + key + "; there are "
                + Arrays.stream(Detector.values()).map(Detector::key).toList()));
    }

    public Uni<List<DetectorView>> all() {
        return Panache.withSession(() -> DetectorSettingRow.<DetectorSettingRow>listAll().map(rows ->
                Arrays.stream(Detector.values()).map(d -> view(d, rows.stream()
                        .filter(r -> r.detector.equals(d.name())).findFirst().orElse(null))).toList()));
    }

    public Uni<DetectorView> one(String key) {
        Detector detector = detector(key);
        return Panache.withSession(() -> DetectorSettingRow.<DetectorSettingRow>findById(detector.name())
                .map(row -> view(detector, row)));
    }

    /** The setting each detector runs with now, inside the caller's session. */
    Uni<Map<Detector, DetectorSetting>> current() {
        return DetectorSettingRow.<DetectorSettingRow>listAll().map(rows -> {
            Map<Detector, DetectorSetting> settings = new java.util.EnumMap<>(Detector.class);
            for (Detector d : Detector.values()) {
                settings.put(d, DetectorSetting.defaults(d));
            }
            rows.forEach(r -> settings.put(Detector.valueOf(r.detector), setting(Detector.valueOf(r.detector), r)));
            return settings;
        });
    }

    public Uni<DetectorView> change(String key, DetectorChange change, String by) {
        Detector detector = detector(key);
        DetectorSetting after = DetectorSetting.of(detector, change.thresholds(), change.action());
        return Panache.withTransaction(() -> DetectorSettingRow.<DetectorSettingRow>findById(detector.name())
                .chain(row -> {
                    DetectorSetting before = row == null ? DetectorSetting.defaults(detector) : setting(detector, row);
                    DetectorSettingRow stored = row == null ? new DetectorSettingRow() : row;
                    stored.detector = detector.name();
                    stored.thresholds = write(after.thresholds());
                    stored.action = after.action().name();
                    stored.changedBy = by;
                    stored.changedAt = Instant.now(clock);
                    DetectorChangeRow history = new DetectorChangeRow();
                    history.id = UUID.randomUUID();
                    history.detector = detector.name();
                    history.changedBy = by;
                    history.changedAt = stored.changedAt;
                    history.before = write(new DetectorView.Setting(before.thresholds(), before.action().name()));
                    history.after = write(new DetectorView.Setting(after.thresholds(), after.action().name()));
                    return (row == null ? stored.persist() : Uni.createFrom().item(stored))
                            .chain(() -> history.persist())
                            .replaceWith(() -> view(detector, stored));
                }));
    }

    public Uni<List<DetectorView.Change>> history(String key, int page, int size) {
        Detector detector = detector(key);
        return Panache.withSession(() -> DetectorChangeRow.newestFirst(detector.name(), page, size)
                .map(rows -> rows.stream().map(r -> new DetectorView.Change(r.changedBy, r.changedAt,
                        read(r.before, DetectorView.Setting.class), read(r.after, DetectorView.Setting.class)))
                        .toList()));
    }

    private DetectorView view(Detector detector, DetectorSettingRow row) {
        return row == null ? DetectorView.of(DetectorSetting.defaults(detector), null, null)
                : DetectorView.of(setting(detector, row), row.changedBy, row.changedAt);
    }

    private DetectorSetting setting(Detector detector, DetectorSettingRow row) {
        try {
            Map<String, Double> stored = json.readValue(row.thresholds, new TypeReference<>() {
            });
            // A threshold added to the detector after the row was written runs with its default.
            Map<String, Double> thresholds = new java.util.LinkedHashMap<>(detector.defaults());
            thresholds.putAll(stored);
            return new DetectorSetting(detector, thresholds, ContainmentAction.valueOf(row.action));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored detector setting cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a detector setting cannot be written as JSON", e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored detector setting cannot be read as " + type.getSimpleName(), e);
        }
    }
}
