package io.mops.attribution.quality;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A data-quality threshold a channel's window crossed, once per detector; announced as {@code AnomalyDetected}. */
@Entity
@Table(name = "quality_finding")
public class QualityFinding extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String detector;
    @Column(nullable = false)
    public String channel;
    @Column(name = "window_start", nullable = false)
    public Instant windowStart;
    public double observed;
    public double expected;
    public double statistic;
    @Column(nullable = false, columnDefinition = "text")
    public String evidence;
    @Column(name = "found_at", nullable = false)
    public Instant foundAt;
}
