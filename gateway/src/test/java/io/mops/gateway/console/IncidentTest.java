package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentTest {

    private static final Instant DETECTED = Instant.parse("2026-12-06T15:00:00Z");
    private static final Instant ARRIVED = Instant.parse("2026-12-06T15:00:05Z");

    private static RequestDetail.Request request(String status, String withdrawnBy, String reason, Integer risk) {
        return new RequestDetail.Request("0b6f3c2e-5d1a-4e8b-9c7d-2a4f6e8b1c3d", "channel:social", "Incident",
                "anomaly", "budget-service", "tracking-breakage on social", null, "social", null, null, status,
                "budget-service", ARRIVED, null, null, withdrawnBy, reason, null, 1, risk, null);
    }

    private static Incident.Evidence evidence(String action, List<String> campaigns) {
        return new Incident.Evidence("3e1f5a7c-0000-4000-8000-000000000001", "tracking-breakage", "social", DETECTED,
                0.0, 412.0, 9.36e-14, "social: 0 touchpoints in 6 hours", action, campaigns, null, null, null);
    }

    private static Incident.Evidence rated(String severity, Double margin, Boolean contained) {
        return new Incident.Evidence("3e1f5a7c-0000-4000-8000-000000000001", "spend-runaway", "social", DETECTED,
                3100.0, 1000.0, 3.1, "social spent 3100.00 today", "PAUSE_CAMPAIGN_SPEND", List.of(), severity,
                margin, contained);
    }

    private static RequestDetail.Acknowledgement acknowledged(String by) {
        return new RequestDetail.Acknowledgement(true, ARRIVED.plusSeconds(1800), by, ARRIVED.plusSeconds(600), "on it",
                null, null);
    }

    @Test
    void anOpenIncidentNobodyTookOnMayBeAcknowledged() {
        Incident incident = new Incident(request("PENDING", null, null, null),
                evidence("FREEZE_CHANNEL", List.of()), new RequestDetail.Acknowledgement(false,
                ARRIVED.plusSeconds(1800), null, null, null, null, null));
        assertTrue(incident.open());
        assertTrue(incident.acknowledgeable());
        assertNull(incident.acknowledgedBy());
        assertEquals("Open", incident.status());
        assertEquals("Channel's autonomous budget moves frozen", incident.containment());
        assertEquals(DETECTED, incident.when(), "when the detector found it, not when the request arrived");
        assertEquals(List.of(0.0, 412.0), incident.chartValues());
    }

    @Test
    void anAcknowledgedOrSettledIncidentIsNotAcknowledgedAgain() {
        assertFalse(new Incident(request("PENDING", null, null, null), evidence("ALERT_ONLY", List.of()),
                acknowledged("carol")).acknowledgeable());
        // approval-service refuses granted and withdrawn incidents (409) but takes expired and rejected ones.
        assertFalse(new Incident(request("GRANTED", null, null, null), null, null).acknowledgeable());
        assertFalse(new Incident(request("WITHDRAWN", "omar", "RESOLVED", null), null, null).acknowledgeable());
        assertTrue(new Incident(request("EXPIRED", null, null, null), null, null).acknowledgeable());
        assertTrue(new Incident(request("REJECTED", null, null, null), null, null).acknowledgeable());
    }

    @Test
    void aWithdrawalBecauseTheAnomalyWasResolvedNamesWhoResolvedIt() {
        Incident incident = new Incident(request("WITHDRAWN", "omar", "RESOLVED", null),
                evidence("PAUSE_CAMPAIGN_SPEND", List.of("5c0e9a1b-0000-4000-8000-000000000002")), acknowledged("lena"));
        assertFalse(incident.open());
        assertEquals("Resolved in budget-service by omar", incident.status());
        assertEquals("lena", incident.acknowledgedBy());
        assertEquals("Campaign spend paused", incident.containment());
        assertEquals(List.of("5c0e9a1b-0000-4000-8000-000000000002"), incident.campaigns());
        assertEquals("Withdrawn", new Incident(request("WITHDRAWN", "budget-service", "SUPERSEDED", null), null, null)
                .status());
    }

    @Test
    void aRolledBackMoveIsNamedAsTheContainment() {
        assertEquals("Channel's last budget move rolled back, its moves frozen",
                new Incident(request("PENDING", null, null, null), evidence("ROLL_BACK_LAST_MOVE", List.of()), null)
                        .containment());
    }

    @Test
    void severityIsTheRequestersRiskScoreAndNeverInvented() {
        assertEquals("Not rated", new Incident(request("PENDING", null, null, null), null, null).severity());
        assertEquals("70 / 100", new Incident(request("PENDING", null, null, 70), null, null).severity());
        // Evidence from before budget-service rated incidents: still not rated, and nothing said about why it would be.
        Incident unrated = new Incident(request("PENDING", null, null, null), evidence("FREEZE_CHANNEL", List.of()), null);
        assertEquals("Not rated", unrated.severity());
        assertNull(unrated.severityBasis());
    }

    @Test
    void budgetServicesRatingIsShownWithWhatItRestsOn() {
        // 3100 spent against 1000 due, a ratio of 3.1 against the daily line of 2: 1.55 times the line.
        Incident medium = new Incident(request("PENDING", null, null, 70), rated("MEDIUM", 1.55, true), null);
        assertEquals("Medium", medium.severity(), "budget-service's rating before the requester's risk score");
        assertEquals("The detector found the channel 1.55 times as far as its alarm line (1 is on the line).",
                medium.severityBasis());
        Incident raised = new Incident(request("PENDING", null, null, null), rated("HIGH", 1.55, false), null);
        assertEquals("High", raised.severity());
        assertEquals("The detector found the channel 1.55 times as far as its alarm line (1 is on the line); one "
                + "level higher because the containment stopped nothing.", raised.severityBasis());
        Incident zero = new Incident(request("PENDING", null, null, null), rated("HIGH", null, true), null);
        assertEquals("The detector found the channel beyond any multiple of its alarm line (the measure it watches "
                + "fell to zero).", zero.severityBasis());
        assertEquals("Low", new Incident(request("PENDING", null, null, null), rated("LOW", 1.1, true), null)
                .severity());
    }

    @Test
    void withoutReadableEvidenceTheIncidentStillListsFromItsRequest() {
        Incident incident = new Incident(request("PENDING", null, null, null), null, null);
        assertEquals("–", incident.detector());
        assertEquals("social", incident.channel());
        assertEquals(ARRIVED, incident.when());
        assertEquals(List.of(), incident.chartValues());
        assertEquals("–", incident.observed());
    }

    @Test
    void figuresKeepFourSignificantDigits() {
        assertEquals("3100", Incident.figure(3100.0));
        assertEquals("412.5", Incident.figure(412.5));
        assertEquals("0.3333", Incident.figure(1.0 / 3));
        assertEquals("9.36E-14", Incident.figure(9.36e-14));
        assertEquals("0", Incident.figure(0.0));
    }

    @Test
    void anAcknowledgementNeedsACommentOfAtMost2000Characters() {
        assertTrue(Incident.problem(null).contains("needs a comment"));
        assertTrue(Incident.problem("   ").contains("needs a comment"));
        assertTrue(Incident.problem("x".repeat(2001)).contains("2000"));
        assertNull(Incident.problem("x".repeat(2000)));
    }
}
