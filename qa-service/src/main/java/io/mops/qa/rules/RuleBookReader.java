package io.mops.qa.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads rule set documents (JSON) and refuses unusable ones before they can judge a campaign: unknown rules or
 * fields, missing sections, patterns that do not compile, impossible sending windows.
 */
public final class RuleBookReader {

    /** The rule set shipped with the service, used until the CoE publishes its own versions. */
    public static final String BUNDLED_DEFAULT = "rules/mops-default.json";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .addModule(new JavaTimeModule())
            .build();

    public RuleBook read(String json) {
        RuleBook book;
        try {
            book = mapper.readValue(json, RuleBook.class);
        } catch (JsonMappingException e) {
            String field = path(e.getPath());
            throw new InvalidRuleBookException(List.of(new InvalidRuleBookException.Problem(
                    field.isEmpty() ? "document" : field, e.getOriginalMessage().lines().findFirst().orElse("unreadable"))));
        } catch (JsonProcessingException e) {
            throw new InvalidRuleBookException(List.of(new InvalidRuleBookException.Problem("document",
                    "not valid JSON: " + e.getOriginalMessage())));
        }
        if (book == null) {
            throw new InvalidRuleBookException(List.of(new InvalidRuleBookException.Problem("document", "is empty")));
        }
        List<InvalidRuleBookException.Problem> problems = problems(book);
        if (!problems.isEmpty()) {
            throw new InvalidRuleBookException(problems);
        }
        return book;
    }

    public String write(RuleBook book) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(book);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule set " + book.name() + " cannot be serialised", e);
        }
    }

    public RuleBook bundledDefault() {
        try (InputStream in = RuleBookReader.class.getClassLoader().getResourceAsStream(BUNDLED_DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_DEFAULT + " is missing from the class path");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<InvalidRuleBookException.Problem> problems(RuleBook book) {
        List<InvalidRuleBookException.Problem> problems = new ArrayList<>();
        Checker check = (ok, field, reason) -> {
            if (!ok) {
                problems.add(new InvalidRuleBookException.Problem(field, reason));
            }
        };
        check.that(book.name() != null && NAME.matcher(book.name()).matches(), "name",
                "must be 2-80 lowercase letters, digits or dashes");
        check.that(book.region() != null && !book.region().isBlank(), "region", "must not be blank");
        check.that(!book.channels().isEmpty(), "channels", "must name at least one channel");
        book.channels().forEach((channel, rules) ->
                check.that(rules != null && rules.creative() != null, "channels." + channel + ".creative",
                        "must be one of email, ad, sms"));
        check.that(!book.rules().isEmpty(), "rules", "must configure at least one rule");
        book.rules().forEach((id, setting) -> {
            check.that(RuleIds.ALL.contains(id), "rules." + id, "is not a rule QA knows");
            check.that(setting != null && setting.severity() != null, "rules." + id + ".severity",
                    "must be one of info, warn, block");
        });
        check.that(book.plan() != null, "plan", "is required");
        check.that(book.tracking() != null, "tracking", "is required");
        check.that(book.email() != null, "email", "is required");
        check.that(book.sms() != null, "sms", "is required");
        check.that(book.accessibility() != null, "accessibility", "is required");
        check.that(book.riskWeights() != null, "riskWeights", "is required");
        check.that(book.brandVoice() != null || book.enabled(RuleIds.BRAND_VOICE).isEmpty(), "brandVoice",
                "is required when rule " + RuleIds.BRAND_VOICE + " is on");
        if (book.brandVoice() != null) {
            RuleBook.BrandVoiceRules voice = book.brandVoice();
            check.that(voice.minimumApprovedSimilarity() >= -1 && voice.minimumApprovedSimilarity() <= 1,
                    "brandVoice.minimumApprovedSimilarity", "must be between -1 and 1");
            check.that(voice.maximumRejectedSimilarity() >= -1 && voice.maximumRejectedSimilarity() <= 1,
                    "brandVoice.maximumRejectedSimilarity", "must be between -1 and 1");
            check.that(voice.nearestExamples() >= 1 && voice.nearestExamples() <= 10, "brandVoice.nearestExamples",
                    "must be between 1 and 10");
        }
        check.that(book.spam() != null || book.enabled(RuleIds.SPAM_SCORE).isEmpty(), "spam",
                "is required when rule " + RuleIds.SPAM_SCORE + " is on");
        if (book.spam() != null) {
            check.that(book.spam().reviewFrom() <= book.spam().threshold(), "spam.reviewFrom",
                    "must not be above spam.threshold");
        }
        check.that(book.clientSupport() != null || book.enabled(RuleIds.CLIENT_SUPPORT).isEmpty(), "clientSupport",
                "is required when rule " + RuleIds.CLIENT_SUPPORT + " is on");
        if (book.clientSupport() != null) {
            io.mops.qa.rules.clients.CanIEmail data = io.mops.qa.rules.clients.CanIEmail.bundled();
            check.that(io.mops.qa.rules.clients.CanIEmail.VERSION.equals(book.clientSupport().dataSet()),
                    "clientSupport.dataSet", "must be " + io.mops.qa.rules.clients.CanIEmail.VERSION
                            + ", the caniemail data set this release ships");
            book.clientSupport().clients().forEach((family, platforms) -> {
                check.that(data.families().containsKey(family), "clientSupport.clients." + family,
                        "is not a client family caniemail knows (" + String.join(", ", data.families().keySet()) + ")");
                check.that(platforms != null && !platforms.isEmpty() && data.platforms().keySet().containsAll(platforms),
                        "clientSupport.clients." + family, "must list platforms caniemail knows ("
                                + String.join(", ", data.platforms().keySet()) + ")");
            });
        }
        if (book.plan() != null) {
            check.that(book.plan().minimumAudienceSize() >= 0, "plan.minimumAudienceSize", "must not be negative");
            check.that(book.plan().maximumDurationDays() > 0, "plan.maximumDurationDays", "must be positive");
        }
        if (book.tracking() != null && book.tracking().campaignNamePattern() != null) {
            compiles(book.tracking().campaignNamePattern(), "tracking.campaignNamePattern", problems);
        }
        if (book.email() != null) {
            compilesAll(book.email().postalAddressPatterns(), "email.postalAddressPatterns", problems);
            compilesAll(book.email().deceptiveSubjectPatterns(), "email.deceptiveSubjectPatterns", problems);
        }
        if (book.sms() != null) {
            compilesAll(book.sms().optOutPatterns(), "sms.optOutPatterns", problems);
        }
        for (int i = 0; i < book.claims().size(); i++) {
            RuleBook.ClaimCategory claim = book.claims().get(i);
            check.that(claim.severity() != null, "claims[" + i + "].severity", "must be one of info, warn, block");
            compilesAll(claim.patterns(), "claims[" + i + "].patterns", problems);
        }
        for (int i = 0; i < book.regimes().size(); i++) {
            RuleBook.Regime regime = book.regimes().get(i);
            String field = "regimes[" + i + "]";
            check.that(regime.name() != null && !regime.name().isBlank(), field + ".name", "must not be blank");
            check.that(regime.countries().stream().allMatch(c -> COUNTRY.matcher(c).matches()), field + ".countries",
                    "must be ISO 3166-1 alpha-2 codes such as DE");
            for (Map.Entry<String, RuleBook.ChannelRegime> channel : Map.of(
                    "email", regime.email() == null ? new RuleBook.ChannelRegime(null, null, null) : regime.email(),
                    "sms", regime.sms() == null ? new RuleBook.ChannelRegime(null, null, null) : regime.sms()).entrySet()) {
                RuleBook.ChannelRegime rules = channel.getValue();
                boolean bothOrNeither = (rules.sendFrom() == null) == (rules.sendUntil() == null);
                check.that(bothOrNeither, field + "." + channel.getKey() + ".sendUntil",
                        "sendFrom and sendUntil go together");
                check.that(!rules.hasSendingWindow() || rules.sendFrom().isBefore(rules.sendUntil()),
                        field + "." + channel.getKey() + ".sendUntil", "must be after sendFrom");
            }
        }
        if (book.riskWeights() != null) {
            for (Severity severity : Severity.values()) {
                double weight = book.riskWeights().of(severity);
                check.that(weight >= 0 && weight < 1, "riskWeights." + severity.code(), "must be at least 0 and below 1");
            }
        }
        problems.sort(java.util.Comparator.comparing(InvalidRuleBookException.Problem::field));
        return problems;
    }

    private static void compilesAll(List<String> patterns, String field, List<InvalidRuleBookException.Problem> problems) {
        for (int i = 0; i < patterns.size(); i++) {
            compiles(patterns.get(i), field + "[" + i + "]", problems);
        }
    }

    private static void compiles(String pattern, String field, List<InvalidRuleBookException.Problem> problems) {
        if (pattern == null) {
            problems.add(new InvalidRuleBookException.Problem(field, "must not be null"));
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            problems.add(new InvalidRuleBookException.Problem(field, "is not a valid regular expression: "
                    + e.getDescription()));
        }
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    @FunctionalInterface
    private interface Checker {
        void that(boolean ok, String field, String reason);
    }
}
