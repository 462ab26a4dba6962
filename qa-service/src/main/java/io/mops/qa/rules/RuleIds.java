package io.mops.qa.rules;

import java.util.Set;

/** The id of every rule a check can report; a rule set may configure only these. */
public final class RuleIds {

    public static final String REQUIRED_FIELDS = "plan.required-fields";
    public static final String DATE_ORDER = "plan.date-order";
    public static final String START_DATE_PASSED = "plan.start-date-passed";
    public static final String DURATION = "plan.duration";
    public static final String AUDIENCE_MINIMUM = "plan.audience-minimum";
    public static final String BUDGET = "plan.budget";
    public static final String BUDGET_HELD = "plan.budget-held";
    public static final String HTML_WELL_FORMED = "html.well-formed";

    public static final String LINK_WELL_FORMED = "tracking.link-well-formed";
    public static final String LINK_HTTPS = "tracking.https";
    public static final String UTM_PRESENT = "tracking.utm-present";
    public static final String UTM_MEDIUM = "tracking.utm-medium";
    public static final String UTM_SOURCE = "tracking.utm-source";
    public static final String UTM_LOWERCASE = "tracking.utm-lowercase";
    public static final String CAMPAIGN_NAME = "tracking.campaign-name";
    public static final String CONSISTENT_TAGS = "tracking.consistent-tags";

    public static final String UNSUBSCRIBE_LINK = "email.unsubscribe-link";
    public static final String POSTAL_ADDRESS = "email.postal-address";
    public static final String SENDER_IDENTITY = "email.sender-identity";
    public static final String SUBJECT_LINE = "email.subject-line";
    public static final String CONSENT_BASIS = "consent.basis";
    public static final String SMS_OPT_OUT = "sms.opt-out";
    public static final String SMS_SENDING_WINDOW = "sms.sending-window";
    public static final String SMS_SENDER_IDENTIFIED = "sms.sender-identified";
    public static final String CLAIM_SUBSTANTIATION = "claims.substantiation";

    public static final String IMAGE_ALT = "a11y.image-alt";
    public static final String LINK_TEXT = "a11y.link-text";
    public static final String PLAIN_TEXT_PART = "a11y.plain-text-part";
    public static final String HTML_LANG = "a11y.html-lang";

    public static final String BRAND_VOICE = "brand.voice";
    public static final String AI_REVIEW = "ai.review";
    public static final String PERFORMANCE_FORECAST = "forecast.performance";

    public static final String LINK_RESOLVES = "links.resolves";
    public static final String LINK_FINAL_TAGS = "links.final-tags";
    public static final String IMAGE_REACHABLE = "images.reachable";
    public static final String IMAGE_DIMENSIONS = "images.dimensions";
    public static final String EMAIL_WEIGHT = "email.weight";

    public static final String SPAM_SCORE = "spam.score";
    public static final String CLIENT_SUPPORT = "email.client-support";

    public static final Set<String> ALL = Set.of(
            REQUIRED_FIELDS, DATE_ORDER, START_DATE_PASSED, DURATION, AUDIENCE_MINIMUM, BUDGET, HTML_WELL_FORMED,
            LINK_WELL_FORMED, LINK_HTTPS, UTM_PRESENT, UTM_MEDIUM, UTM_SOURCE, UTM_LOWERCASE, CAMPAIGN_NAME,
            CONSISTENT_TAGS,
            UNSUBSCRIBE_LINK, POSTAL_ADDRESS, SENDER_IDENTITY, SUBJECT_LINE, CONSENT_BASIS, SMS_OPT_OUT,
            SMS_SENDING_WINDOW, SMS_SENDER_IDENTIFIED, CLAIM_SUBSTANTIATION,
            IMAGE_ALT, LINK_TEXT, PLAIN_TEXT_PART, HTML_LANG,
            BRAND_VOICE, AI_REVIEW, PERFORMANCE_FORECAST, BUDGET_HELD,
            LINK_RESOLVES, LINK_FINAL_TAGS, IMAGE_REACHABLE, IMAGE_DIMENSIONS, EMAIL_WEIGHT,
            SPAM_SCORE, CLIENT_SUPPORT);

    private RuleIds() {
    }
}
