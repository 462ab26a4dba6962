package io.mops.attribution.journey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the journeys of a window from touchpoints that arrive one at a time, grouped by customer and in time order
 * within each customer (as a database cursor ordered by customer and time delivers them), holding one customer's
 * touchpoints at a time. Each journey goes to the sink as soon as its customer is complete. The conversions of the
 * window are held, by customer: there are far fewer of them than touchpoints.
 * <p>
 * The rules are those of {@link JourneyBuilder}; the customer of a touchpoint (identity stitching) is resolved by
 * the caller. Customers with conversions but no touchpoint are handled last: they only add unattributed conversions.
 */
public final class JourneyStream {

    private final JourneyWindow window;
    private final Map<String, List<ObservedConversion>> conversionsByCustomer = new HashMap<>();
    private final JourneyBuilder.JourneySink sink;
    private final List<ObservedTouchpoint> current = new ArrayList<>();
    private String customer;

    /** @param conversions the window's conversions, each belonging to the customer of its user id */
    public JourneyStream(JourneyWindow window, List<ObservedConversion> conversions, JourneyBuilder.JourneySink sink) {
        this.window = window;
        this.sink = sink;
        for (ObservedConversion conversion : conversions) {
            conversionsByCustomer.computeIfAbsent(conversion.userId(), c -> new ArrayList<>()).add(conversion);
        }
    }

    /**
     * @param customer the touchpoint's customer after identity stitching; all of a customer's touchpoints arrive
     *                 together, in time order
     */
    public void touchpoint(String customer, ObservedTouchpoint touchpoint) {
        if (!customer.equals(this.customer)) {
            completeCustomer();
            this.customer = customer;
        }
        current.add(touchpoint);
    }

    /** Call once every touchpoint has arrived. */
    public void finish() {
        completeCustomer();
        conversionsByCustomer.keySet().stream().sorted().toList().forEach(remaining ->
                JourneyBuilder.journeysOf(List.of(), conversionsByCustomer.remove(remaining), window, sink));
    }

    private void completeCustomer() {
        if (customer == null) {
            return;
        }
        List<ObservedConversion> converted = conversionsByCustomer.remove(customer);
        JourneyBuilder.journeysOf(current, converted == null ? List.of() : converted, window, sink);
        current.clear();
        customer = null;
    }
}
