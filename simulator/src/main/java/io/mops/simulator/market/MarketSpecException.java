package io.mops.simulator.market;

/** A market file that cannot describe a market: names the offending field and why. */
public class MarketSpecException extends IllegalArgumentException {

    public MarketSpecException(String field, String reason) {
        super(field + ": " + reason);
    }
}
