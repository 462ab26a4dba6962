package io.mops.attribution.journey;

import io.mops.attribution.model.Conversion;
import io.mops.attribution.model.Journey;
import io.mops.attribution.model.JourneySet;
import io.mops.attribution.model.Touchpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns stored touchpoints and conversions into the journeys of a window.
 * <ul>
 *   <li>Identity: an anonymous id is linked to a user when a conversion (or a touchpoint) carries both; the
 *   anonymous touchpoints then belong to that user's journeys.</li>
 *   <li>A conversion in the window gets the customer's touchpoints since their previous conversion, at most
 *   {@code lookback} before it. A conversion with no such touchpoint is unattributed.</li>
 *   <li>A customer's touchpoints after their last conversion form one journey that did not convert, provided one
 *   of them lies in the window; the lookback counts back from the end of the window.</li>
 * </ul>
 */
public final class JourneyBuilder {

    private JourneyBuilder() {
    }

    public static BuiltJourneys build(List<ObservedTouchpoint> touchpoints, List<ObservedConversion> conversions,
                                      JourneyWindow window, String currency) {
        Map<String, String> userOfAnonymousId = new HashMap<>();
        for (ObservedConversion conversion : conversions) {
            if (conversion.anonymousId() != null) {
                userOfAnonymousId.putIfAbsent(conversion.anonymousId(), conversion.userId());
            }
        }
        for (ObservedTouchpoint touchpoint : touchpoints) {
            if (touchpoint.userId() != null && touchpoint.anonymousId() != null) {
                userOfAnonymousId.putIfAbsent(touchpoint.anonymousId(), touchpoint.userId());
            }
        }
        Map<String, List<ObservedTouchpoint>> touchpointsByCustomer = new HashMap<>();
        for (ObservedTouchpoint touchpoint : touchpoints) {
            String customer = touchpoint.userId() != null ? touchpoint.userId()
                    : userOfAnonymousId.getOrDefault(touchpoint.anonymousId(), "anonymous:" + touchpoint.anonymousId());
            touchpointsByCustomer.computeIfAbsent(customer, c -> new ArrayList<>()).add(touchpoint);
        }
        Map<String, List<ObservedConversion>> conversionsByCustomer = new HashMap<>();
        for (ObservedConversion conversion : conversions) {
            conversionsByCustomer.computeIfAbsent(conversion.userId(), c -> new ArrayList<>()).add(conversion);
        }

        Collected collected = new Collected();
        List<String> customers = new ArrayList<>(touchpointsByCustomer.keySet());
        conversionsByCustomer.keySet().stream().filter(c -> !touchpointsByCustomer.containsKey(c)).forEach(customers::add);
        customers.sort(Comparator.naturalOrder());
        for (String customer : customers) {
            List<ObservedTouchpoint> own = new ArrayList<>(touchpointsByCustomer.getOrDefault(customer, List.of()));
            own.sort(Comparator.comparing(ObservedTouchpoint::at));
            journeysOf(own, conversionsByCustomer.getOrDefault(customer, List.of()), window, collected);
        }
        return new BuiltJourneys(new JourneySet(currency, collected.journeys), collected.unattributed,
                collected.unattributedValue);
    }

    /** Receives the journeys of a window as they are built, and the conversions no touchpoint led to. */
    public interface JourneySink {

        void journey(Journey journey);

        void unattributed(BigDecimal value);
    }

    /**
     * The journeys of one customer.
     *
     * @param own       the customer's touchpoints, in time order
     * @param converted the customer's conversions, in any order
     */
    static void journeysOf(List<ObservedTouchpoint> own, List<ObservedConversion> converted, JourneyWindow window,
                           JourneySink sink) {
        List<ObservedConversion> conversions = new ArrayList<>(converted);
        conversions.sort(Comparator.comparing(ObservedConversion::at));
        Instant previousConversion = Instant.MIN;
        for (ObservedConversion conversion : conversions) {
            List<Touchpoint> leading = between(own, previousConversion, conversion.at(),
                    conversion.at().minus(window.lookback()));
            previousConversion = conversion.at();
            if (!window.contains(conversion.at())) {
                continue;
            }
            if (leading.isEmpty()) {
                sink.unattributed(conversion.value());
            } else {
                sink.journey(new Journey(leading, Optional.of(new Conversion(conversion.at(), conversion.value()))));
            }
        }
        List<Touchpoint> open = between(own, previousConversion, window.to(), window.to().minus(window.lookback()))
                .stream().filter(t -> t.at().isBefore(window.to())).toList();
        if (open.stream().anyMatch(t -> window.contains(t.at()))) {
            sink.journey(new Journey(open, Optional.empty()));
        }
    }

    private static final class Collected implements JourneySink {

        private final List<Journey> journeys = new ArrayList<>();
        private long unattributed;
        private BigDecimal unattributedValue = BigDecimal.ZERO;

        @Override
        public void journey(Journey journey) {
            journeys.add(journey);
        }

        @Override
        public void unattributed(BigDecimal value) {
            unattributed++;
            unattributedValue = unattributedValue.add(value);
        }
    }

    /** Touchpoints after {@code after}, at or before {@code until}, and not before {@code notBefore}. */
    private static List<Touchpoint> between(List<ObservedTouchpoint> touchpoints, Instant after, Instant until,
                                            Instant notBefore) {
        List<Touchpoint> selected = new ArrayList<>();
        for (ObservedTouchpoint t : touchpoints) {
            if (t.at().isAfter(after) && !t.at().isAfter(until) && !t.at().isBefore(notBefore)) {
                selected.add(new Touchpoint(t.channel(), Optional.ofNullable(t.campaign()), t.at()));
            }
        }
        return selected;
    }
}
