package io.mops.budget.guard;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@Entity
@Table(name = "guard_channel_freeze")
public class ChannelFreezeRow extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "channel") String channel, @Column(name = "anomaly_id") UUID anomalyId) {
    }

    @EmbeddedId
    public Key key;
    @Column(nullable = false)
    public String reason;
    @Column(name = "frozen_at", nullable = false)
    public Instant frozenAt;

    /**
     * The frozen channels with the reasons, inside the caller's session: the per-channel kill switch the autonomous
     * loop reads before it moves money.
     */
    public static Uni<Map<String, String>> byChannel() {
        return ChannelFreezeRow.<ChannelFreezeRow>listAll().map((List<ChannelFreezeRow> rows) -> {
            Map<String, String> frozen = new TreeMap<>();
            rows.forEach(r -> frozen.merge(r.key.channel(), r.reason, (a, b) -> a + "; " + b));
            return frozen;
        });
    }
}
