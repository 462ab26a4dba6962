package io.mops.gateway.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/**
 * testing-service, called with the signed-in person's token: it lists only the caller's channel's experiments and
 * refuses (403) another channel's.
 */
@RegisterRestClient(configKey = "experiments")
@Path("/experiments")
public interface ExperimentsApi {

    record Experiment(String key, String name, String channel, String status, String metric, String winner,
                      Instant statusChangedAt) {
    }

    /** An experiment with its variants as planned now; the readout's figures come from {@link Results}. */
    record Detail(Experiment experiment, List<Variant> variants) {

        public List<Variant> variants() {
            return variants == null ? List.of() : variants;
        }
    }

    /** A variant as planned: its intended traffic share now and whether the bandit eliminated it. */
    record Variant(String key, String name, double share, boolean live, boolean control, Instant eliminatedAt,
                   String eliminatedReason) {
    }

    /**
     * The results as testing-service reads them (docs/testing.md); only the figures the console shows.
     *
     * @param periods the allocation periods with exposures, oldest first
     */
    record Results(String experiment, String status, String metric, int allocationVersion, String winner,
                   List<Period> periods, Readout readout) {

        public List<Period> periods() {
            return periods == null ? List.of() : periods;
        }
    }

    record Period(int allocationVersion, Instant startedAt, long exposures, double weight) {
    }

    record Readout(String metricKind, String controlVariant, List<VariantResult> variants,
                   SampleRatio sampleRatio, List<Guardrail> guardrails) {

        public List<VariantResult> variants() {
            return variants == null ? List.of() : variants;
        }

        public List<Guardrail> guardrails() {
            return guardrails == null ? List.of() : guardrails;
        }
    }

    /** One variant's figures; {@code bayesian} is absent when a continuous metric has too few units. */
    record VariantResult(String variantKey, boolean live, long exposures, Long conversions, double mean,
                         Bayesian bayesian, Test againstControl) {
    }

    /**
     * @param uplift   the relative uplift over the control with its credible interval; absent for the control
     * @param interval the credible interval of the variant's own metric (its conversion rate, from the Beta posterior)
     */
    record Bayesian(double chanceToBeBest, double expectedLoss, Double chanceToBeatControl, Uplift uplift,
                    Interval interval) {
    }

    record Interval(double low, double high, double level) {
    }

    record Uplift(double low, double estimate, double high, double level) {
    }

    record Test(double pValue) {
    }

    /** Sample ratio mismatch: the exposures each variant received against the shares it was meant to receive. */
    record SampleRatio(Double chiSquare, int degreesOfFreedom, double pValue, double threshold, boolean mismatch) {
    }

    record Guardrail(String metric, String variantKey, double rate, double controlRate, double alwaysValidPValue,
                     boolean breached) {
    }

    /**
     * The traffic history ({@code GET /experiments/{key}/allocations}): per allocation period, oldest first, the
     * shares its split meant each variant to get and the units each received.
     */
    record TrafficHistory(String experiment, List<String> variants, List<AllocationPeriod> periods) {

        public List<String> variants() {
            return variants == null ? List.of() : variants;
        }

        public List<AllocationPeriod> periods() {
            return periods == null ? List.of() : periods;
        }
    }

    /** @param plannedShares empty when the split was not recorded; exposureShares empty for a period without units */
    record AllocationPeriod(int allocationVersion, Instant startedAt, String startedBy,
                            java.util.Map<String, Double> plannedShares, java.util.Map<String, Long> exposures,
                            long totalExposures, java.util.Map<String, Double> exposureShares) {

        public java.util.Map<String, Double> plannedShares() {
            return plannedShares == null ? java.util.Map.of() : plannedShares;
        }

        public java.util.Map<String, Long> exposures() {
            return exposures == null ? java.util.Map.of() : exposures;
        }

        public java.util.Map<String, Double> exposureShares() {
            return exposureShares == null ? java.util.Map.of() : exposureShares;
        }
    }

    @GET
    Uni<List<Experiment>> list(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/{key}")
    Uni<Detail> detail(@HeaderParam("Authorization") String bearer, @PathParam("key") String key);

    @GET
    @Path("/{key}/results")
    Uni<Results> results(@HeaderParam("Authorization") String bearer, @PathParam("key") String key);

    @GET
    @Path("/{key}/allocations")
    Uni<TrafficHistory> allocations(@HeaderParam("Authorization") String bearer, @PathParam("key") String key);

    @GET
    @Path("/track-record")
    Uni<TrackRecord> trackRecord(@HeaderParam("Authorization") String bearer);
}
