package io.mops.testing.trackrecord;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * What a declared winner forecast at the conclusion, kept as it was then: the winner's Beta posterior of its
 * conversion rate, the posterior's mean and 90 % credible interval, and its uplift over the control.
 */
@Entity
@Table(name = "winner_forecast")
public class WinnerForecast extends PanacheEntityBase {

    @Id
    @Column(name = "experiment_id")
    public UUID experimentId;
    @Column(name = "experiment_key", nullable = false)
    public String experimentKey;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String metric;
    @Column(nullable = false)
    public String winner;
    @Column(name = "control_variant", nullable = false)
    public String controlVariant;
    @Column(name = "concluded_at", nullable = false)
    public Instant concludedAt;
    /** Prior + effective converted units of the winner, weighted by allocation period as the bandit weighed them. */
    @Column(nullable = false)
    public double alpha;
    /** Prior + effective units of the winner that did not convert. */
    @Column(nullable = false)
    public double beta;
    @Column(name = "expected_rate", nullable = false)
    public double expectedRate;
    @Column(name = "rate_low", nullable = false)
    public double rateLow;
    @Column(name = "rate_high", nullable = false)
    public double rateHigh;
    /** The control's period-weighted conversion rate during the experiment. */
    @Column(name = "control_rate", nullable = false)
    public double controlRate;
    /** Relative uplift over the control; {@code null} when the readout had no Bayesian comparison. */
    public Double uplift;
    @Column(name = "uplift_low")
    public Double upliftLow;
    @Column(name = "uplift_high")
    public Double upliftHigh;
}
