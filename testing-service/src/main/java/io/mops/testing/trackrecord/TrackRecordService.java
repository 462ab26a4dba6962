package io.mops.testing.trackrecord;

import io.mops.common.trackrecord.Forecast;
import io.mops.common.trackrecord.TrackRecord;
import io.mops.common.trackrecord.TrackRecordQuery;
import io.mops.testing.allocation.VariantEvidence;
import io.mops.testing.experiment.Experiment;
import io.mops.testing.experiment.MetricKind;
import io.mops.testing.results.ExperimentAnalysis;
import io.mops.testing.results.ExperimentReadout;
import io.mops.testing.results.ResultsService;
import io.mops.testing.results.VariantReadout;
import io.mops.testing.statistics.BetaPosterior;
import io.mops.testing.trackrecord.ExperimentTrackRecord.ConcludedWinner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the track record of declared winners: stores the winner's forecast when the bandit concludes an experiment,
 * and reads it back beside the rate the rolled-out winner realised on the units first exposed to it since
 * ({@link ExperimentTrackRecord}).
 */
@ApplicationScoped
public class TrackRecordService {

    /** Units first exposed to the winner after the conclusion, their conversions, and the latest exposure. */
    private static final String REALISED = "select f.experimentId, count(x), "
            + "sum(case when x.outcomes > 0 then 1 else 0 end), max(x.exposedAt) "
            + "from WinnerForecast f, Exposure x where x.experimentId = f.experimentId and x.afterConclusion = true "
            + "and x.variantKey = f.winner and f.experimentId in ?1 group by f.experimentId";

    private final TrackRecordConfig config;

    public TrackRecordService(TrackRecordConfig config) {
        this.config = config;
    }

    /**
     * Stores the forecast of a winner just declared, in the caller's transaction, so that it exists exactly when the
     * conclusion does. Only a conversion rate is tracked: a continuous metric's winner is concluded without one.
     *
     * @param snapshot the data the winner was declared on
     * @param readout  the readout of that data
     */
    public Uni<Void> open(Experiment experiment, ResultsService.Snapshot snapshot, ExperimentReadout readout,
                          String winner, Instant concludedAt) {
        if (experiment.metricKind != MetricKind.BINARY) {
            Log.infof("experiment %s concluded with winner %s on a %s metric: no rate forecast to track",
                    experiment.key, winner, experiment.metricKind);
            return Uni.createFrom().voidItem();
        }
        List<VariantEvidence> evidence = ExperimentAnalysis.evidence(experiment.metricKind, snapshot.tallies());
        BetaPosterior posterior = (BetaPosterior) evidence.stream().filter(e -> e.variantKey().equals(winner))
                .findFirst().orElseThrow(() -> new IllegalStateException("the winner " + winner + " has no tally"))
                .posterior();
        Forecast rate = WinnerRateForecast.ofRate(posterior.alpha(), posterior.beta());
        WinnerForecast forecast = new WinnerForecast();
        forecast.experimentId = experiment.id;
        forecast.experimentKey = experiment.key;
        forecast.channel = experiment.channel;
        forecast.metric = experiment.metric;
        forecast.winner = winner;
        forecast.controlVariant = experiment.controlVariant;
        forecast.concludedAt = concludedAt;
        forecast.alpha = posterior.alpha();
        forecast.beta = posterior.beta();
        forecast.expectedRate = rate.value();
        forecast.rateLow = rate.low();
        forecast.rateHigh = rate.high();
        forecast.controlRate = readout.variants().stream()
                .filter(v -> v.variantKey().equals(experiment.controlVariant))
                .mapToDouble(VariantReadout::mean).findFirst().orElse(0.0);
        readout.variants().stream()
                .filter(v -> v.variantKey().equals(winner) && v.bayesian() != null && v.bayesian().uplift() != null)
                .findFirst()
                .map(v -> WinnerRealisation.ninetyPercent(v.bayesian().uplift()))
                .ifPresent(uplift -> {
                    forecast.uplift = uplift.value();
                    forecast.upliftLow = uplift.low();
                    forecast.upliftHigh = uplift.high();
                });
        return forecast.persist().replaceWithVoid();
    }

    /** The winners the query asks for, newest first (at most {@value TrackRecordQuery#LIMIT}). */
    public Uni<TrackRecord> read(TrackRecordQuery query) {
        TrackRecordQuery.Where where = query.where("concludedAt", "channel");
        return Panache.withSession(() -> WinnerForecast.<WinnerForecast>find(where.query(),
                        Sort.descending("concludedAt").and("experimentKey"), where.parameters())
                .page(0, TrackRecordQuery.LIMIT).list()
                .chain(forecasts -> realised(forecasts).map(realised -> TrackRecord.of(forecasts.stream()
                        .map(f -> ExperimentTrackRecord.decision(concluded(f, realised.get(f.experimentId)),
                                config.minUnits()))
                        .toList()))));
    }

    private record Realised(long units, long converted, Instant lastExposedAt) {
    }

    private static Uni<Map<UUID, Realised>> realised(List<WinnerForecast> forecasts) {
        if (forecasts.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = forecasts.stream().map(f -> f.experimentId).toList();
        return Panache.getSession().chain(session -> session.createSelectionQuery(REALISED, Object[].class)
                .setParameter(1, ids).getResultList()
                .map(rows -> {
                    Map<UUID, Realised> byExperiment = new HashMap<>();
                    for (Object[] row : rows) {
                        byExperiment.put((UUID) row[0], new Realised(((Number) row[1]).longValue(),
                                ((Number) row[2]).longValue(), (Instant) row[3]));
                    }
                    return byExperiment;
                }));
    }

    private static ConcludedWinner concluded(WinnerForecast forecast, Realised realised) {
        Realised since = realised == null ? new Realised(0, 0, null) : realised;
        Forecast uplift = forecast.uplift == null ? null
                : Forecast.withInterval(forecast.uplift, forecast.upliftLow, forecast.upliftHigh);
        return new ConcludedWinner(forecast.experimentKey, forecast.channel, forecast.winner, forecast.concludedAt,
                forecast.alpha, forecast.beta, since.units(), since.converted(), forecast.controlRate, uplift,
                since.lastExposedAt());
    }
}
