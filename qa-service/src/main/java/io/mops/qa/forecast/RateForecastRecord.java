package io.mops.qa.forecast;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One rate a QA run forecast for its campaign, and what the campaign reported once its results were recorded. */
@Entity
@Table(name = "rate_forecast_record")
public class RateForecastRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "run_id", nullable = false)
    public UUID runId;
    @Column(name = "campaign_id", nullable = false)
    public String campaignId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String audience;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RateRealisation.Rate rate;
    @Column(name = "forecast_at", nullable = false)
    public Instant forecastAt;
    @Column(name = "expected_rate", nullable = false)
    public double expectedRate;
    @Column(name = "low_rate", nullable = false)
    public double lowRate;
    @Column(name = "high_rate", nullable = false)
    public double highRate;
    @Column(name = "planned_trials", nullable = false)
    public long plannedTrials;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    /** False once a later run of the campaign forecast the same rate: only the newest counts in the calibration. */
    @Column(nullable = false)
    public boolean counted;
    @Column(name = "realised_rate")
    public Double realisedRate;
    @Column(name = "realised_trials")
    public Long realisedTrials;
    @Column(name = "realised_at")
    public Instant realisedAt;
    @Column(nullable = false)
    public String basis;

    public enum Status { PENDING, REALISED, UNMEASURABLE }

    RateRealisation.ForecastRate forecastRate() {
        return new RateRealisation.ForecastRate(id, rate, channel, forecastAt, expectedRate, plannedTrials);
    }
}
