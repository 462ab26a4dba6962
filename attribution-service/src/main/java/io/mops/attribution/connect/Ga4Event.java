package io.mops.attribution.connect;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the GA4 import takes from one exported event: a visit (a touchpoint) or a key event (a conversion).
 *
 * @param key      what makes the event the same event in every export of it: user pseudo id, timestamp, name and
 *                 bundle sequence id
 * @param userId   GA4's {@code user_id}, when the site set one
 * @param pseudoId GA4's {@code user_pseudo_id}, the device's id
 */
sealed interface Ga4Event {

    String key();

    String userId();

    String pseudoId();

    Instant occurredAt();

    /** A session's start with where it came from; source and medium as GA4 names them ({@code (direct)}, {@code (none)}). */
    record Visit(String key, String userId, String pseudoId, Instant occurredAt, String source, String medium,
                 String campaign, String gclid) implements Ga4Event {
    }

    /** A purchase or another configured key event, with its value in {@code currency}. */
    record KeyEvent(String key, String userId, String pseudoId, Instant occurredAt, String name, BigDecimal value,
                    String currency) implements Ga4Event {
    }
}
