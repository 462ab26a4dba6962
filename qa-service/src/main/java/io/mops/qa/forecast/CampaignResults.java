package io.mops.qa.forecast;

import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The recorded results of finished campaigns, the channel history a forecast reads, and the realised rates of the
 * forecasts made for them.
 */
@ApplicationScoped
public class CampaignResults {

    private final Clock clock;
    private final ForecastTrackRecord trackRecord;

    public CampaignResults(Clock clock, ForecastTrackRecord trackRecord) {
        this.clock = clock;
        this.trackRecord = trackRecord;
    }

    public Uni<CampaignResultView> record(CampaignResultReport report, String author) {
        if (report.clicks() > report.exposures()) {
            throw new InvalidRequestException("clicks", "must not exceed exposures (" + report.exposures() + ")");
        }
        if (report.conversions() > report.clicks()) {
            throw new InvalidRequestException("conversions", "must not exceed clicks (" + report.clicks() + ")");
        }
        return Panache.withTransaction(() -> CampaignResult.ofCampaign(report.campaignId()).flatMap(existing -> {
            if (existing != null) {
                throw new ConflictProblem("the results of campaign " + report.campaignId() + " are already recorded");
            }
            CampaignResult result = new CampaignResult();
            result.id = UUID.randomUUID();
            result.campaignId = report.campaignId();
            result.channel = report.channel();
            result.audience = AudienceKey.of(report.targeting());
            result.exposures = report.exposures();
            result.clicks = report.clicks();
            result.conversions = report.conversions();
            result.endedOn = report.endedOn();
            result.recordedBy = author;
            result.recordedAt = Instant.now(clock);
            // In the same transaction: the forecasts of the campaign get its realised rates exactly when it is recorded.
            return result.<CampaignResult>persist().call(trackRecord::realise).map(CampaignResultView::of);
        })).onFailure(org.hibernate.exception.ConstraintViolationException.class).transform(e ->
                new ConflictProblem("the results of campaign " + report.campaignId() + " are already recorded"));
    }

    /** Needs a session. */
    public Uni<List<CampaignResultView>> ofChannel(String channel) {
        return CampaignResult.ofChannel(channel).map(all -> all.stream().map(CampaignResultView::of).toList());
    }

    /** The channel's history as the forecast reads it. Needs a session. */
    public Uni<List<PastCampaign>> historyOf(String channel) {
        return CampaignResult.ofChannel(channel).map(all -> all.stream().map(CampaignResult::toPastCampaign).toList());
    }
}
