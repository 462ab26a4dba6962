package io.mops.simulator.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A market with known truth, as written in a market file (JSON or YAML; docs/simulator.md has the schema).
 *
 * @param start                    the first simulated day (a Monday keeps weeks aligned with ISO weeks)
 * @param days                     how many days to simulate unless the command line says otherwise
 * @param learningDays             days after which decisions are judged (before that the loop is still learning)
 * @param dailyBudget              money spent across all channels per day, the same for every strategy
 * @param startingSplit            the starting plan: each channel's share of the budget (they add up to 1)
 * @param spendJitter              ad platforms deliver budget × (1 + u), u uniform in ±jitter, day by day
 * @param baselineConversionsPerDay conversions nobody's advertising caused (organic), per day
 * @param users                    size of the population whose journeys the touchpoints form
 */
public record MarketSpec(String name, String description, String currency, LocalDate start, int days,
                         int learningDays, double dailyBudget, Map<String, Double> startingSplit, double spendJitter,
                         double baselineConversionsPerDay, int users, List<ChannelSpec> channels,
                         List<ExperimentSpec> experiments, List<FaultSpec> faults, ApproverSpec approvers) {

    public MarketSpec {
        experiments = experiments == null ? List.of() : List.copyOf(experiments);
        faults = faults == null ? List.of() : List.copyOf(faults);
        approvers = approvers == null ? ApproverSpec.defaults() : approvers;
        currency = currency == null ? "EUR" : currency;
        start = start == null ? LocalDate.of(2026, 1, 5) : start;
    }

    /** Checks the whole file and names the first field that cannot describe a market. */
    public MarketSpec validated() {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new MarketSpecException("name", "must be a short name (a-z, 0-9, '-')");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new MarketSpecException("currency", "must be an ISO 4217 code");
        }
        if (days < 1) {
            throw new MarketSpecException("days", "must be at least 1");
        }
        if (learningDays < 0 || learningDays >= days) {
            throw new MarketSpecException("learningDays", "must be ≥ 0 and fewer than the days simulated");
        }
        if (!(dailyBudget > 0)) {
            throw new MarketSpecException("dailyBudget", "must be > 0");
        }
        if (!(spendJitter >= 0 && spendJitter < 1)) {
            throw new MarketSpecException("spendJitter", "must be in [0, 1)");
        }
        if (!(baselineConversionsPerDay >= 0)) {
            throw new MarketSpecException("baselineConversionsPerDay", "must be ≥ 0");
        }
        if (users < 100) {
            throw new MarketSpecException("users", "must be at least 100");
        }
        if (channels == null || channels.isEmpty()) {
            throw new MarketSpecException("channels", "needs at least one channel");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            channels.get(i).validate("channels[" + i + "]");
            names.add(channels.get(i).name());
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new MarketSpecException("channels", "every channel name must be unique");
        }
        if (startingSplit == null || !startingSplit.keySet().equals(new HashSet<>(names))) {
            throw new MarketSpecException("startingSplit", "needs a share for exactly the channels " + names);
        }
        double sum = 0;
        for (Map.Entry<String, Double> share : startingSplit.entrySet()) {
            if (share.getValue() == null || !(share.getValue() >= 0)) {
                throw new MarketSpecException("startingSplit." + share.getKey(), "must be a share ≥ 0");
            }
            sum += share.getValue();
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new MarketSpecException("startingSplit", "the shares must add up to 1 (they add up to " + sum + ")");
        }
        for (int i = 0; i < experiments.size(); i++) {
            experiments.get(i).validate("experiments[" + i + "]", names);
        }
        for (int i = 0; i < faults.size(); i++) {
            faults.get(i).validate("faults[" + i + "]", names, days);
        }
        approvers.validate("approvers");
        return this;
    }

    public List<String> channelNames() {
        return channels.stream().map(ChannelSpec::name).toList();
    }

    public MarketSpec withDays(int newDays) {
        return new MarketSpec(name, description, currency, start, newDays, Math.min(learningDays, Math.max(0, newDays - 1)),
                dailyBudget, startingSplit, spendJitter, baselineConversionsPerDay, users, channels, experiments, faults,
                approvers);
    }
}
