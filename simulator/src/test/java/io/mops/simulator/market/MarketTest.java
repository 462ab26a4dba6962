package io.mops.simulator.market;

import io.mops.simulator.strategy.BudgetStrategies;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated market's own truths, against closed forms and against the noise a Poisson count must show. */
class MarketTest {

    private static String market(String searchResponse, String socialResponse, int days, double baseline) {
        return """
                name: test-market
                description: unit test
                days: %d
                learningDays: 0
                dailyBudget: 2000
                startingSplit: {search: 0.5, social: 0.5}
                spendJitter: 0
                baselineConversionsPerDay: %s
                users: 5000
                channels:
                  - name: search
                    response: %s
                    costPerTouchpoint: 2.0
                    conversionValue: {mean: 50, sd: 10}
                  - name: social
                    response: %s
                    costPerTouchpoint: 1.0
                    conversionValue: {mean: 40, sd: 10}
                """.formatted(days, baseline, searchResponse, socialResponse);
    }

    private static MarketSpec parse(String yaml) throws IOException {
        return MarketFiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), true, "test.yaml");
    }

    @Test
    void aConstantSpendReachesTheClosedFormSteadyStateOfTheAdstock() throws IOException {
        // logarithmic: scale · ln(1 + A / saturation); with a constant spend s the adstock tends to s / (1 − decay).
        MarketSpec spec = parse(market("{family: logarithmic, decay: 0.5, scale: 6, saturation: 600}",
                "{family: adstock-hill, decay: 0.0, maxResponse: 30, halfSaturation: 800, shape: 2.0}", 60, 0));
        Market market = new Market(spec, 1);
        double[][] budget = new double[60][];
        for (int t = 0; t < 60; t++) {
            budget[t] = new double[] {1000, 400};
        }
        Market.Outcome outcome = market.evaluate(budget);
        assertEquals(6 * Math.log(1 + 2000.0 / 600), outcome.conversions()[59][0], 1e-9);
        assertEquals(30 * 400.0 * 400 / (400 * 400 + 800 * 800), outcome.conversions()[59][1], 1e-12);
        // day 0: no carry-over yet
        assertEquals(6 * Math.log(1 + 1000.0 / 600), outcome.conversions()[0][0], 1e-12);
    }

    @Test
    void aMarketWhereAdvertisingDoesNothingGivesNoLiftWithinNoise() throws IOException {
        int days = 60;
        double baseline = 40;
        MarketSpec spec = parse(market("{family: adstock-hill, maxResponse: 0, halfSaturation: 500, shape: 1}",
                "{family: logarithmic, scale: 0, saturation: 300}", days, baseline));
        Market market = new Market(spec, 11);
        double[][] even = BudgetStrategies.evenSplit(market);
        double[][] allOnSearch = new double[days][];
        for (int t = 0; t < days; t++) {
            allOnSearch[t] = new double[] {spec.dailyBudget(), 0};
        }
        assertEquals(0, market.evaluate(even).conversions(0, days), 1e-12);
        assertEquals(0, market.evaluate(allOnSearch).conversions(0, days), 1e-12);

        long evenConversions = sampledConversions(market, even, 101);
        long concentrated = sampledConversions(market, allOnSearch, 202);
        double expected = baseline * days;
        // Each count is Poisson(2400): within 4 standard deviations of the baseline, and of each other.
        assertEquals(expected, evenConversions, 4 * Math.sqrt(expected));
        assertEquals(expected, concentrated, 4 * Math.sqrt(expected));
        assertEquals(0, evenConversions - concentrated, 4 * Math.sqrt(2 * expected));
    }

    @Test
    void sampledCausedConversionsMatchTheTrueResponseOnAverage() throws IOException {
        int days = 40;
        MarketSpec spec = parse(market("{family: logarithmic, scale: 12, saturation: 400}",
                "{family: adstock-hill, decay: 0.3, maxResponse: 20, halfSaturation: 600, shape: 1}", days, 0));
        Market market = new Market(spec, 5);
        double[][] even = BudgetStrategies.evenSplit(market);
        Market.Outcome truth = market.evaluate(even);
        CustomerJourneys customers = new CustomerJourneys(market, 5);
        double caused = 0;
        for (int t = 0; t < days; t++) {
            customers.day(t, truth.spent()[t], truth.conversions()[t]);
            for (double c : customers.causedConversions()[t]) {
                caused += c;
            }
        }
        double expected = truth.conversions(0, days);
        assertTrue(expected > 500, "the test needs a count large enough to judge: " + expected);
        assertEquals(expected, caused, 4 * Math.sqrt(expected));
    }

    @Test
    void aFileThatCannotDescribeAMarketIsRefusedNamingTheField() {
        MarketSpecException e = assertThrows(MarketSpecException.class, () -> parse(market(
                "{family: adstock-hill, maxResponse: 10, halfSaturation: -5, shape: 1}",
                "{family: logarithmic, scale: 1, saturation: 300}", 10, 0)));
        assertTrue(e.getMessage().contains("channels[0].response.halfSaturation"), e.getMessage());

        MarketSpecException split = assertThrows(MarketSpecException.class, () -> parse(market(
                "{family: logarithmic, scale: 1, saturation: 300}", "{family: logarithmic, scale: 1, saturation: 300}",
                10, 0).replace("{search: 0.5, social: 0.5}", "{search: 0.5, social: 0.6}")));
        assertTrue(split.getMessage().contains("startingSplit"), split.getMessage());
    }

    private static long sampledConversions(Market market, double[][] budget, long seed) {
        Market.Outcome truth = market.evaluate(budget);
        CustomerJourneys customers = new CustomerJourneys(market, seed);
        for (int t = 0; t < budget.length; t++) {
            customers.day(t, truth.spent()[t], truth.conversions()[t]);
        }
        return customers.conversionsReported();
    }
}
