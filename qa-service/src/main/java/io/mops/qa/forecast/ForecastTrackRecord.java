package io.mops.qa.forecast;

import io.mops.common.trackrecord.Calibration;
import io.mops.common.trackrecord.Forecast;
import io.mops.common.trackrecord.TrackRecord;
import io.mops.common.trackrecord.TrackRecordQuery;
import io.mops.common.trackrecord.TrackedDecision;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the track record of QA's performance forecasts: stores the rates a run forecast with the run, records the
 * rates the campaign reported beside them when its results arrive ({@link RateRealisation}), and reads them back
 * with their calibration.
 */
@ApplicationScoped
public class ForecastTrackRecord {

    private final Clock clock;

    public ForecastTrackRecord(Clock clock) {
        this.clock = clock;
    }

    /**
     * Keeps the rates a run forecast. Runs in the run's transaction, so a forecast is kept exactly when its run is.
     * A forecast made after the campaign's results were recorded is kept as unmeasurable: its outcome was known
     * (and in the history it was made from), so it says nothing about how well QA forecasts.
     */
    public Uni<Void> open(UUID runId, String campaignId, Instant at, PerformanceForecast forecast) {
        return CampaignResult.ofCampaign(campaignId).chain(known -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (var rate : List.of(RateRealisation.Rate.CLICK_RATE, RateRealisation.Rate.CONVERSION_RATE)) {
                Optional<RateForecast> ofRate = rate == RateRealisation.Rate.CLICK_RATE
                        ? forecast.clickRate() : forecast.conversionRate();
                if (ofRate.isEmpty()) {
                    continue;
                }
                RateForecastRecord record = new RateForecastRecord();
                record.id = UUID.randomUUID();
                record.runId = runId;
                record.campaignId = campaignId;
                record.channel = forecast.channel();
                record.audience = forecast.audience();
                record.rate = rate;
                record.forecastAt = at;
                record.expectedRate = ofRate.get().rate();
                record.lowRate = ofRate.get().low();
                record.highRate = ofRate.get().high();
                record.plannedTrials = ofRate.get().plannedTrials();
                record.counted = known == null;
                record.status = known == null ? RateForecastRecord.Status.PENDING
                        : RateForecastRecord.Status.UNMEASURABLE;
                record.basis = known == null ? "waiting for the campaign's results (POST /qa/campaign-results)"
                        : "the campaign's results were already recorded (" + known.recordedAt + ") when this "
                        + "forecast was made, so it is not counted";
                all = all.chain(() -> record.persist().replaceWithVoid());
            }
            return all;
        });
    }

    /**
     * Records the rates a campaign reported beside every forecast made for it before. Runs in the transaction that
     * records the results; a campaign's results are recorded once (a second report is refused), so this happens
     * once per campaign.
     */
    Uni<Void> realise(CampaignResult result) {
        return RateForecastRecord.<RateForecastRecord>list("campaignId = ?1 and status = ?2", result.campaignId,
                RateForecastRecord.Status.PENDING).invoke(records -> {
            Instant now = Instant.now(clock);
            Set<UUID> superseded = RateRealisation.superseded(records.stream()
                    .map(RateForecastRecord::forecastRate).toList());
            RateRealisation.Result counts = new RateRealisation.Result(result.channel, result.exposures,
                    result.clicks, result.conversions);
            for (RateForecastRecord record : records) {
                record.counted = !superseded.contains(record.id);
                switch (RateRealisation.realise(record.forecastRate(), counts)) {
                    case RateRealisation.Realised realised -> {
                        record.status = RateForecastRecord.Status.REALISED;
                        record.realisedRate = realised.rate();
                        record.realisedTrials = realised.trials();
                        record.realisedAt = now;
                        record.basis = realised.basis() + (record.counted ? ""
                                : "; not counted in the calibration: a later QA run of the campaign forecast it again");
                    }
                    case RateRealisation.Unmeasurable unmeasurable -> {
                        record.status = RateForecastRecord.Status.UNMEASURABLE;
                        record.basis = unmeasurable.why();
                    }
                }
            }
        }).replaceWithVoid();
    }

    /**
     * The forecasts the query asks for, newest first (at most {@value TrackRecordQuery#LIMIT}), of one campaign or
     * all; the calibration is over the counted ones (the newest forecast per campaign and rate).
     */
    public Uni<TrackRecord> read(TrackRecordQuery query, Optional<String> campaignId) {
        TrackRecordQuery.Where where = query.where("forecastAt", "channel");
        campaignId.ifPresent(c -> where.and("campaignId = :campaign", "campaign", c));
        return Panache.withSession(() -> RateForecastRecord.<RateForecastRecord>find(where.query(),
                        Sort.descending("forecastAt").and("id"), where.parameters())
                .page(0, TrackRecordQuery.LIMIT).list())
                .map(ForecastTrackRecord::trackRecord);
    }

    static TrackRecord trackRecord(List<RateForecastRecord> records) {
        List<TrackedDecision> decisions = records.stream().map(ForecastTrackRecord::decision).toList();
        List<Calibration.Outcome> counted = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            // An unmeasurable forecast has no outcome to come: it is neither realised nor pending.
            if (records.get(i).counted && records.get(i).status != RateForecastRecord.Status.UNMEASURABLE) {
                counted.add(decisions.get(i).outcome());
            }
        }
        return new TrackRecord(decisions, Calibration.of(counted));
    }

    static TrackedDecision decision(RateForecastRecord record) {
        String what = String.format(Locale.ROOT, "QA run %s of campaign %s: %s for %,d %s %s, audience '%s'",
                record.runId, record.campaignId, record.rate.words(), record.plannedTrials,
                record.rate == RateRealisation.Rate.CLICK_RATE ? "planned" : "expected", record.rate.trials(),
                record.audience);
        boolean realised = record.status == RateForecastRecord.Status.REALISED;
        return new TrackedDecision(record.runId + ":" + record.rate.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                record.forecastAt, List.of(record.channel), record.rate.name(), what,
                Forecast.withInterval(record.expectedRate, record.lowRate, record.highRate),
                realised ? record.realisedRate : null, realised ? record.realisedAt : null, record.basis);
    }
}
