package io.mops.qa.rules;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned QA rule set, as the CoE writes it: which rules apply and how severe they are, and every threshold,
 * allowed value, pattern, claim list and regional regime the checks use. Rules are data, not code: changing what
 * "compliant" means is a new version of this document, never a release.
 *
 * @param channels    the channels QA knows, with the creative each one needs and its allowed {@code utm_medium}s
 * @param rules       every rule by id with its severity; a rule missing here (or disabled) is not checked
 * @param regimes     the legal regimes (CAN-SPAM/TCPA, GDPR/PECR, CASL, ...) and the countries they cover
 * @param brandVoice  how close copy must stay to its brand's examples; required when {@code brand.voice} is on
 * @param spam        the SpamAssassin scores that make an email spam or worth a look; required when {@code spam.score}
 *                    is on
 * @param clientSupport the email clients whose support of HTML and CSS features matters, and the caniemail data set
 *                      judged with; required when {@code email.client-support} is on
 */
public record RuleBook(
        String name,
        int version,
        String region,
        String description,
        Map<String, ChannelRules> channels,
        Map<String, RuleSetting> rules,
        PlanRules plan,
        TrackingRules tracking,
        EmailRules email,
        SmsRules sms,
        List<ClaimCategory> claims,
        AccessibilityRules accessibility,
        List<Regime> regimes,
        RiskWeights riskWeights,
        BrandVoiceRules brandVoice,
        SpamRules spam,
        ClientSupportRules clientSupport) {

    public RuleBook {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        claims = claims == null ? List.of() : List.copyOf(claims);
        regimes = regimes == null ? List.of() : List.copyOf(regimes);
    }

    public RuleBook withVersion(int newVersion) {
        return new RuleBook(name, newVersion, region, description, channels, rules, plan, tracking, email, sms, claims,
                accessibility, regimes, riskWeights, brandVoice, spam, clientSupport);
    }

    public Optional<ChannelRules> channel(String channel) {
        return Optional.ofNullable(channels.get(channel));
    }

    /** The setting of an enabled rule, or empty when the rule set does not ask for the rule. */
    public Optional<RuleSetting> enabled(String ruleId) {
        return Optional.ofNullable(rules.get(ruleId)).filter(RuleSetting::switchedOn);
    }

    /** The regimes that cover at least one of {@code countries}. */
    public List<Regime> regimesFor(List<String> countries) {
        return regimes.stream().filter(r -> countries.stream().anyMatch(r.countries()::contains)).toList();
    }

    /**
     * Thresholds on cosine similarity between the embeddings of new copy and of the brand's examples (-1 to 1; the
     * embedding model puts near-paraphrases above 0.8 and unrelated text near 0).
     *
     * @param minimumApprovedSimilarity copy must come at least this close to one approved example
     * @param maximumRejectedSimilarity copy must stay at most this close to every rejected example
     * @param nearestExamples           how many nearest examples a finding quotes
     */
    public record BrandVoiceRules(double minimumApprovedSimilarity, double maximumRejectedSimilarity,
                                  int nearestExamples) {
    }

    /**
     * Thresholds on the SpamAssassin score of the assembled email (points; SpamAssassin's own default for "spam" is 5).
     *
     * @param threshold  a score at or above it is spam: the rule's severity
     * @param reviewFrom a score at or above it (and below the threshold) is near enough to need a person's look
     */
    public record SpamRules(double threshold, double reviewFrom) {
    }

    /**
     * @param dataSet the caniemail data set the rule set was written for ({@code caniemail@2.0.2}); it must be the one
     *                the service ships, so that a rule set never silently judges with other data than it names
     * @param clients client family ({@code gmail}, {@code outlook}, {@code apple-mail}, {@code yahoo}, …) → the
     *                platforms of it that matter ({@code windows}, {@code ios}, {@code desktop-webmail}, …)
     */
    public record ClientSupportRules(String dataSet, Map<String, List<String>> clients) {
        public ClientSupportRules {
            clients = clients == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(clients));
        }
    }

    /** The kind of creative a channel is built from. */
    public enum CreativeKind { EMAIL, AD, SMS }

    public record ChannelRules(CreativeKind creative, List<String> utmMediums) {
        public ChannelRules {
            utmMediums = utmMediums == null ? List.of() : List.copyOf(utmMediums);
        }
    }

    /**
     * @param source the law, guideline or house policy the rule enforces, for the people who read findings
     */
    public record RuleSetting(Severity severity, Boolean enabled, String source) {
        /** Rules are on unless the rule set switches them off explicitly. */
        public boolean switchedOn() {
            return !Boolean.FALSE.equals(enabled);
        }
    }

    /**
     * @param minimumAudienceSize below it, a send is not worth its risk and results say nothing
     * @param maximumDurationDays longer campaigns outlive their creative and their consent checks
     * @param paidChannels        channels that spend money and therefore need a budget
     */
    public record PlanRules(long minimumAudienceSize, int maximumDurationDays, List<String> paidChannels) {
        public PlanRules {
            paidChannels = paidChannels == null ? List.of() : List.copyOf(paidChannels);
        }
    }

    /**
     * @param requiredParameters  UTM parameters every tracked link carries
     * @param allowedSources      the organisation's {@code utm_source} vocabulary
     * @param campaignNamePattern the taxonomy every {@code utm_campaign} follows (a Java regular expression)
     */
    public record TrackingRules(List<String> requiredParameters, List<String> allowedSources,
                                String campaignNamePattern) {
        public TrackingRules {
            requiredParameters = requiredParameters == null ? List.of() : List.copyOf(requiredParameters);
            allowedSources = allowedSources == null ? List.of() : List.copyOf(allowedSources);
        }
    }

    /**
     * @param sendingDomains           domains the organisation sends from (anything else misrepresents the sender)
     * @param unsubscribeMarkers       words that identify an unsubscribe link by its text or address
     * @param postalAddressPatterns    regular expressions that recognise a physical postal address
     * @param deceptiveSubjectPatterns regular expressions of subject lines that mislead about the message
     */
    public record EmailRules(List<String> sendingDomains, List<String> unsubscribeMarkers,
                             List<String> postalAddressPatterns, List<String> deceptiveSubjectPatterns) {
        public EmailRules {
            sendingDomains = sendingDomains == null ? List.of() : List.copyOf(sendingDomains);
            unsubscribeMarkers = unsubscribeMarkers == null ? List.of() : List.copyOf(unsubscribeMarkers);
            postalAddressPatterns = postalAddressPatterns == null ? List.of() : List.copyOf(postalAddressPatterns);
            deceptiveSubjectPatterns = deceptiveSubjectPatterns == null ? List.of() : List.copyOf(deceptiveSubjectPatterns);
        }
    }

    /**
     * @param optOutPatterns regular expressions of opt-out instructions ("Reply STOP to opt out")
     * @param brandNames     names that identify the sender of a text message
     */
    public record SmsRules(List<String> optOutPatterns, List<String> brandNames) {
        public SmsRules {
            optOutPatterns = optOutPatterns == null ? List.of() : List.copyOf(optOutPatterns);
            brandNames = brandNames == null ? List.of() : List.copyOf(brandNames);
        }
    }

    /** Claims that need substantiation, e.g. {@code health}: patterns, and how severe an unsupported one is. */
    public record ClaimCategory(String category, Severity severity, List<String> patterns) {
        public ClaimCategory {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
        }
    }

    /** @param vagueLinkTexts link texts that say nothing about where the link goes ("click here") */
    public record AccessibilityRules(List<String> vagueLinkTexts) {
        public AccessibilityRules {
            vagueLinkTexts = vagueLinkTexts == null ? List.of() : List.copyOf(vagueLinkTexts);
        }
    }

    /** A legal regime and what it demands of each channel in the countries it covers. */
    public record Regime(String name, String source, List<String> countries, ChannelRegime email, ChannelRegime sms) {
        public Regime {
            countries = countries == null ? List.of() : List.copyOf(countries);
        }

        public Optional<ChannelRegime> forCreative(CreativeKind kind) {
            return Optional.ofNullable(switch (kind) {
                case EMAIL -> email;
                case SMS -> sms;
                case AD -> null;
            });
        }
    }

    /**
     * @param acceptedConsentBases consent bases that allow contacting recipients; empty when the regime requires none
     *                             (an opt-out regime such as CAN-SPAM for email)
     * @param sendFrom             earliest local time a message may arrive; null when the regime sets no window
     * @param sendUntil            latest local time (exclusive)
     */
    public record ChannelRegime(List<String> acceptedConsentBases, LocalTime sendFrom, LocalTime sendUntil) {
        public ChannelRegime {
            acceptedConsentBases = acceptedConsentBases == null ? List.of() : List.copyOf(acceptedConsentBases);
        }

        public boolean requiresConsent() {
            return !acceptedConsentBases.isEmpty();
        }

        public boolean hasSendingWindow() {
            return sendFrom != null && sendUntil != null;
        }
    }

    /** The weight of one distinct issue of each severity in the {@link RiskScore risk index} (each in [0, 1)). */
    public record RiskWeights(double info, double warn, double block) {
        public double of(Severity severity) {
            return switch (Objects.requireNonNull(severity)) {
                case INFO -> info;
                case WARN -> warn;
                case BLOCK -> block;
            };
        }
    }
}
