package io.mops.attribution.model;

/** The input is valid in itself but a model cannot credit it (e.g. time decay on paths without touchpoint times). */
public class AttributionInputException extends IllegalArgumentException {

    public AttributionInputException(String message) {
        super(message);
    }
}
