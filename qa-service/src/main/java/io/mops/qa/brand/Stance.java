package io.mops.qa.brand;

/** Whether the CoE holds an example up as the brand's voice or as what the brand must not sound like. */
public enum Stance {
    APPROVED,
    REJECTED
}
