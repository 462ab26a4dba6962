package io.mops.budget.reallocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetRuleViolation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CoE's approval policy and kill switch, as stored. Every change is kept with who made it, when, and the whole
 * setting before and after, in the transaction that makes it.
 */
@ApplicationScoped
public class GuardrailService {

    private final ObjectMapper json;
    private final Clock clock;

    public GuardrailService(ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.json = json;
    }

    public Uni<PolicyView> policy() {
        return Panache.withSession(GuardrailService::storedPolicy);
    }

    public Uni<PolicyView> replacePolicy(PolicyChange change, String by) {
        List<AmountLimitRow> amounts = new ArrayList<>();
        amountsPerCurrency("maxAmountMoved", change.maxAmountMoved()).forEach((currency, amount) -> {
            AmountLimitRow row = new AmountLimitRow();
            row.currency = currency;
            row.maxAmount = amount;
            amounts.add(row);
        });
        List<ChannelLimitRow> limits = new ArrayList<>();
        List<ChannelAmountLimitRow> channelAmounts = new ArrayList<>();
        Optional.ofNullable(change.channels()).orElse(Map.of()).forEach((channel, limit) -> {
            Map<String, BigDecimal> channelMax = Optional.ofNullable(limit.maxAmount()).orElse(Map.of());
            if (channelMax.isEmpty() && limit.maxPercentOfAllocation() == null) {
                throw new BudgetRuleViolation("channels." + channel, "give maxAmount, maxPercentOfAllocation or both");
            }
            ChannelLimitRow row = new ChannelLimitRow();
            row.channel = channel;
            row.maxPercentOfAllocation = limit.maxPercentOfAllocation();
            limits.add(row);
            amountsPerCurrency("channels." + channel + ".maxAmount", channelMax).forEach((currency, amount) -> {
                ChannelAmountLimitRow amountRow = new ChannelAmountLimitRow();
                amountRow.key = new ChannelAmountLimitRow.Key(channel, currency);
                amountRow.maxAmount = amount;
                channelAmounts.add(amountRow);
            });
        });
        // The old rows were loaded to record them; forgetting them lets the new rows take their keys.
        return Panache.withTransaction(() -> storedPolicy().chain(before -> Panache.getSession()
                .invoke(Mutiny.Session::clear)
                .chain(ReallocationSettings::current)
                .chain(settings -> {
                    settings.maxPercentOfTotal = change.maxPercentOfTotal();
                    settings.changedBy = by;
                    settings.changedAt = Instant.now(clock);
                    PolicyView after = view(settings, amounts, limits, channelAmounts);
                    return ChannelAmountLimitRow.deleteAll()
                            .chain(() -> ChannelLimitRow.deleteAll())
                            .chain(() -> AmountLimitRow.deleteAll())
                            .chain(() -> persistAll(amounts))
                            .chain(() -> persistAll(limits))
                            .chain(() -> persistAll(channelAmounts))
                            .chain(() -> record(GuardrailChange.Guardrail.APPROVAL_POLICY, by, settings.changedAt,
                                    before, after))
                            .replaceWith(after);
                })));
    }

    public Uni<KillSwitch> killSwitch() {
        return Panache.withSession(() -> ReallocationSettings.current().map(GuardrailService::view));
    }

    public Uni<KillSwitch> setKillSwitch(KillSwitch change, String by) {
        if (change.frozen() && (change.reason() == null || change.reason().isBlank())) {
            throw new BudgetRuleViolation("reason", "is required to freeze autonomous moves");
        }
        return Panache.withTransaction(() -> ReallocationSettings.current().chain(settings -> {
            KillSwitch before = view(settings);
            settings.frozen = change.frozen();
            settings.frozenReason = change.frozen() ? change.reason() : null;
            settings.changedBy = by;
            settings.changedAt = Instant.now(clock);
            KillSwitch after = view(settings);
            return record(GuardrailChange.Guardrail.KILL_SWITCH, by, settings.changedAt, before, after)
                    .replaceWith(after);
        }));
    }

    public Uni<List<GuardrailHistory.PolicyChanged>> policyHistory(int page, int size) {
        return Panache.withSession(() -> GuardrailChange.newestFirst(GuardrailChange.Guardrail.APPROVAL_POLICY,
                page, size).map(changes -> changes.stream().map(c -> new GuardrailHistory.PolicyChanged(c.changedBy,
                c.changedAt, read(c.before, PolicyView.class), read(c.after, PolicyView.class))).toList()));
    }

    public Uni<List<GuardrailHistory.KillSwitchChanged>> killSwitchHistory(int page, int size) {
        return Panache.withSession(() -> GuardrailChange.newestFirst(GuardrailChange.Guardrail.KILL_SWITCH,
                page, size).map(changes -> changes.stream().map(c -> new GuardrailHistory.KillSwitchChanged(
                c.changedBy, c.changedAt, read(c.before, KillSwitch.class), read(c.after, KillSwitch.class))).toList()));
    }

    private Uni<Void> record(GuardrailChange.Guardrail guardrail, String by, Instant at, Object before, Object after) {
        return GuardrailChange.of(guardrail, by, at, write(before), write(after)).persist().replaceWithVoid();
    }

    private static Uni<Void> persistAll(List<?> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : Panache.getSession()
                .chain(session -> session.persistAll(rows.toArray()));
    }

    /**
     * Amounts keyed by real ISO 4217 codes, with no more decimals than their currency has; the field is named as
     * {@code maxAmountMoved.XYZ} when one is not.
     */
    private static Map<String, BigDecimal> amountsPerCurrency(String field, Map<String, BigDecimal> amounts) {
        Map<String, BigDecimal> checked = new TreeMap<>();
        amounts.forEach((code, amount) -> {
            // An unknown code and too many decimals both throw IllegalArgumentException, with the reason.
            try {
                checked.put(code, Money.of(amount, Money.currency(code)).amount());
            } catch (IllegalArgumentException e) {
                throw new BudgetRuleViolation(field + "." + code, e.getMessage());
            }
        });
        return checked;
    }

    private static Uni<PolicyView> storedPolicy() {
        return ReallocationSettings.current()
                .chain(settings -> AmountLimitRow.<AmountLimitRow>listAll()
                        .chain(amounts -> ChannelLimitRow.<ChannelLimitRow>listAll()
                                .chain(limits -> ChannelAmountLimitRow.<ChannelAmountLimitRow>listAll()
                                        .map(channelAmounts -> view(settings, amounts, limits, channelAmounts)))));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a guardrail setting cannot be written as JSON", e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored guardrail setting cannot be read as " + type.getSimpleName(), e);
        }
    }

    /** Stored at four decimals; shown as the currency has them (500.00 EUR, 80000 JPY), as they were set. */
    private static BigDecimal inMinorUnits(BigDecimal stored, String currency) {
        return Money.of(stored, Money.currency(currency)).amount();
    }

    private static KillSwitch view(ReallocationSettings settings) {
        return new KillSwitch(settings.frozen, settings.frozenReason, settings.changedBy, settings.changedAt);
    }

    private static PolicyView view(ReallocationSettings settings, List<AmountLimitRow> amounts,
                                   List<ChannelLimitRow> limits, List<ChannelAmountLimitRow> channelAmounts) {
        Map<String, BigDecimal> maxAmountMoved = new TreeMap<>();
        amounts.forEach(a -> maxAmountMoved.put(a.currency, inMinorUnits(a.maxAmount, a.currency)));
        Map<String, PolicyChange.ChannelLimit> channels = new TreeMap<>();
        limits.forEach(l -> {
            Map<String, BigDecimal> channelMax = new TreeMap<>();
            channelAmounts.stream().filter(a -> a.key.channel().equals(l.channel))
                    .forEach(a -> channelMax.put(a.key.currency(), inMinorUnits(a.maxAmount, a.key.currency())));
            channels.put(l.channel, new PolicyChange.ChannelLimit(channelMax, l.maxPercentOfAllocation));
        });
        return new PolicyView(maxAmountMoved, settings.maxPercentOfTotal, channels, settings.changedBy,
                settings.changedAt);
    }
}
