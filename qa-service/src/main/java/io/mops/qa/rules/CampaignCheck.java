package io.mops.qa.rules;

/**
 * One area of what a careful marketing-ops person checks before launch. A check is built once per rule set (it
 * compiles the rule set's patterns then) and reused for every campaign, so it keeps no per-campaign state.
 */
public interface CampaignCheck {

    void inspect(CampaignUnderReview campaign, Findings findings);
}
