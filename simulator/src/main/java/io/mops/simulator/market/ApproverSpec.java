package io.mops.simulator.market;

/**
 * How the simulated approvers (alice, then nina where four eyes are needed) treat what the loop asks them.
 *
 * @param delayHours simulated hours between a request and its decision
 * @param policy     {@code grant-all}, {@code reject-all}, or {@code grant-if-expected-gain} (grant when the request's
 *                   evidence expects the move to gain, reject otherwise)
 */
public record ApproverSpec(double delayHours, String policy) {

    public static final String GRANT_ALL = "grant-all";
    public static final String REJECT_ALL = "reject-all";
    public static final String GRANT_IF_EXPECTED_GAIN = "grant-if-expected-gain";

    public static ApproverSpec defaults() {
        return new ApproverSpec(6, GRANT_IF_EXPECTED_GAIN);
    }

    void validate(String field) {
        if (!(delayHours >= 0)) {
            throw new MarketSpecException(field + ".delayHours", "must be ≥ 0");
        }
        if (!GRANT_ALL.equals(policy) && !REJECT_ALL.equals(policy) && !GRANT_IF_EXPECTED_GAIN.equals(policy)) {
            throw new MarketSpecException(field + ".policy", "must be " + GRANT_ALL + ", " + REJECT_ALL + " or "
                    + GRANT_IF_EXPECTED_GAIN);
        }
    }
}
