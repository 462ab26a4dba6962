package io.mops.budget.reallocation;

import io.mops.budget.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalPolicyTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** search gains {@code amount} from social, in a plan of 10,000 of which each holds 4,000. */
    private static BudgetMove searchGains(String amount) {
        return new BudgetMove(eur("10000"), List.of(
                new ChannelShift("search", eur("4000"), eur("4000").plus(eur(amount))),
                new ChannelShift("social", eur("4000"), eur("4000").minus(eur(amount)))));
    }

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static ApprovalPolicy upTo(String amount, String percent) {
        return new ApprovalPolicy(Map.of(EUR, new BigDecimal(amount)), new BigDecimal(percent), Map.of());
    }

    private static Map<Currency, BigDecimal> eurUpTo(String amount) {
        return Map.of(EUR, new BigDecimal(amount));
    }

    @Test
    void aMoveWithinBothThresholdsIsAutonomous() {
        ApprovalPolicy.Verdict verdict = upTo("500", "5").judge(searchGains("400"));
        assertTrue(verdict.autonomous());
        assertEquals(List.of(), verdict.exceeded());
    }

    @Test
    void aMoveExactlyAtTheThresholdsIsStillAutonomous() {
        assertTrue(upTo("500", "5").judge(searchGains("500")).autonomous());
    }

    @Test
    void aMoveAboveTheAbsoluteAmountNeedsApproval() {
        ApprovalPolicy.Verdict verdict = upTo("300", "50").judge(searchGains("400"));
        assertFalse(verdict.autonomous());
        assertEquals(1, verdict.exceeded().size());
        assertTrue(verdict.reason().contains("above the limit of 300 EUR"), verdict.reason());
    }

    @Test
    void aMoveAboveThePercentOfTheTotalNeedsApproval() {
        // 400 of 10,000 is 4 %.
        ApprovalPolicy.Verdict verdict = upTo("100000", "3.5").judge(searchGains("400"));
        assertFalse(verdict.autonomous());
        assertTrue(verdict.reason().contains("4 % of the plan's total"), verdict.reason());
    }

    @Test
    void theDefaultPolicyLetsNothingMoveWithoutApproval() {
        assertFalse(ApprovalPolicy.NOTHING_AUTONOMOUS.judge(searchGains("0.01")).autonomous());
        assertTrue(ApprovalPolicy.NOTHING_AUTONOMOUS.judge(searchGains("0")).autonomous(), "no move, nothing to ask");
    }

    @Test
    void aChannelLimitCanBeStricterThanThePlanWideOne() {
        ApprovalPolicy policy = new ApprovalPolicy(eurUpTo("1000"), new BigDecimal("10"), Map.of(
                "social", new ApprovalPolicy.ChannelLimit(eurUpTo("200"), Optional.empty())));
        ApprovalPolicy.Verdict verdict = policy.judge(searchGains("400"));
        assertFalse(verdict.autonomous());
        assertEquals(1, verdict.exceeded().size());
        assertTrue(verdict.exceeded().get(0).contains("'social'"), verdict.reason());
    }

    @Test
    void aChannelPercentLimitIsMeasuredAgainstTheChannelsOwnAllocation() {
        // 400 of social's 4,000 is 10 %.
        ApprovalPolicy tenPercent = new ApprovalPolicy(eurUpTo("1000"), new BigDecimal("10"), Map.of(
                "social", new ApprovalPolicy.ChannelLimit(Map.of(), Optional.of(new BigDecimal("10")))));
        ApprovalPolicy ninePercent = new ApprovalPolicy(eurUpTo("1000"), new BigDecimal("10"), Map.of(
                "social", new ApprovalPolicy.ChannelLimit(Map.of(), Optional.of(new BigDecimal("9")))));
        assertTrue(tenPercent.judge(searchGains("400")).autonomous());
        assertFalse(ninePercent.judge(searchGains("400")).autonomous());
    }

    @Test
    void startingToFundAChannelExceedsAnyPercentLimitOfIt() {
        BudgetMove fundVideo = new BudgetMove(eur("10000"), List.of(
                new ChannelShift("video", eur("0"), eur("10")),
                new ChannelShift("search", eur("4000"), eur("3990"))));
        ApprovalPolicy policy = new ApprovalPolicy(eurUpTo("1000"), new BigDecimal("10"), Map.of(
                "video", new ApprovalPolicy.ChannelLimit(Map.of(), Optional.of(new BigDecimal("1000")))));
        assertFalse(policy.judge(fundVideo).autonomous());
    }

    @Test
    void aChannelLimitCanBeLooserButThePlanWideLimitsStillHold() {
        ApprovalPolicy policy = new ApprovalPolicy(eurUpTo("300"), new BigDecimal("10"), Map.of(
                "search", new ApprovalPolicy.ChannelLimit(eurUpTo("5000"), Optional.empty())));
        assertFalse(policy.judge(searchGains("400")).autonomous());
    }

    @Test
    void everyBrokenLimitIsNamed() {
        ApprovalPolicy policy = new ApprovalPolicy(eurUpTo("100"), new BigDecimal("1"), Map.of(
                "search", new ApprovalPolicy.ChannelLimit(eurUpTo("50"), Optional.of(BigDecimal.ONE))));
        assertEquals(4, policy.judge(searchGains("400")).exceeded().size());
    }

    @Test
    void negativeThresholdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> upTo("-1", "5"));
        assertThrows(IllegalArgumentException.class, () -> upTo("1", "-5"));
        assertThrows(IllegalArgumentException.class,
                () -> new ApprovalPolicy.ChannelLimit(eurUpTo("-1"), Optional.empty()));
    }

    /** search gains {@code amount} yen from social, in a plan of 10,000,000 JPY of which each holds 4,000,000. */
    private static BudgetMove searchGainsYen(String amount) {
        Money yen = Money.of(amount, "JPY");
        return new BudgetMove(Money.of("10000000", "JPY"), List.of(
                new ChannelShift("search", Money.of("4000000", "JPY"), Money.of("4000000", "JPY").plus(yen)),
                new ChannelShift("social", Money.of("4000000", "JPY"), Money.of("4000000", "JPY").minus(yen))));
    }

    @Test
    void aMoveInACurrencyWithoutAnAmountThresholdNeedsApproval() {
        ApprovalPolicy.Verdict verdict = upTo("500", "50").judge(searchGainsYen("100"));
        assertFalse(verdict.autonomous());
        assertEquals(List.of("moves 100 JPY and the policy sets no amount limit in JPY"), verdict.exceeded());
    }

    @Test
    void eachCurrencyIsJudgedByItsOwnThreshold() {
        ApprovalPolicy policy = new ApprovalPolicy(Map.of(EUR, new BigDecimal("500"), JPY, new BigDecimal("80000")),
                new BigDecimal("5"), Map.of());
        assertTrue(policy.judge(searchGainsYen("60000")).autonomous());
        assertFalse(policy.judge(searchGainsYen("90000")).autonomous());
        assertTrue(policy.judge(searchGains("500")).autonomous());
        assertFalse(policy.judge(searchGains("600")).autonomous());
    }

    @Test
    void aChannelAmountLimitInOtherCurrenciesOnlyNeedsApprovalForTheMovesCurrency() {
        ApprovalPolicy policy = new ApprovalPolicy(Map.of(EUR, new BigDecimal("1000"), JPY, new BigDecimal("100000")),
                new BigDecimal("10"), Map.of("social", new ApprovalPolicy.ChannelLimit(eurUpTo("5000"),
                Optional.empty())));
        assertTrue(policy.judge(searchGains("400")).autonomous());
        ApprovalPolicy.Verdict yen = policy.judge(searchGainsYen("50000"));
        assertFalse(yen.autonomous());
        assertEquals(List.of("changes 'social' by 50000 JPY and its limits set no amount in JPY"), yen.exceeded());
    }
}
