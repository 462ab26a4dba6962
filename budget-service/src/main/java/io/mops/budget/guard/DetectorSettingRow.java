package io.mops.budget.guard;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "guard_detector_setting")
public class DetectorSettingRow extends PanacheEntityBase {

    @Id
    public String detector;
    @Column(nullable = false, columnDefinition = "text")
    public String thresholds;
    @Column(nullable = false)
    public String action;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
