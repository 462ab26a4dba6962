package io.mops.qa.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mops.qa.campaign.CampaignSubmission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * A campaign from the shipped sample set ({@code samples/*.json}), edited field by field for a test: each rule test
 * starts from a campaign that passes and breaks exactly one thing.
 */
final class SampleCampaign {

    static final LocalDate QA_DAY = LocalDate.of(2026, 11, 25);
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    static final RuleBook DEFAULT_RULES = new RuleBookReader().bundledDefault();
    static final CampaignQa QA = new CampaignQa(DEFAULT_RULES);

    private final ObjectNode json;

    private SampleCampaign(ObjectNode json) {
        this.json = json;
    }

    static SampleCampaign load(String name) {
        try (InputStream in = SampleCampaign.class.getClassLoader().getResourceAsStream("samples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new SampleCampaign((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SampleCampaign goodEmail() {
        return load("good-email-black-friday-us");
    }

    static SampleCampaign goodSms() {
        return load("good-sms-flash-sale-us-ca");
    }

    static SampleCampaign goodSearchAd() {
        return load("good-search-ad-jackets");
    }

    /** Sets the value at a JSON pointer such as {@code /creatives/email/subject}; null removes it. */
    SampleCampaign with(String pointer, Object value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = json.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        JsonNode node = value == null ? null : JSON.valueToTree(value);
        if (parent instanceof ObjectNode object) {
            if (node == null) {
                object.remove(key);
            } else {
                object.set(key, node);
            }
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(key), node == null ? JsonNodeFactory.instance.nullNode() : node);
        } else {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return this;
    }

    /** Replaces text inside a string field, e.g. a fragment of the email HTML. */
    SampleCampaign replace(String pointer, String fragment, String replacement) {
        String current = json.at(pointer).asText();
        if (!current.contains(fragment)) {
            throw new IllegalArgumentException(pointer + " does not contain " + fragment);
        }
        return with(pointer, current.replace(fragment, replacement));
    }

    CampaignSubmission submission() {
        return JSON.convertValue(json, CampaignSubmission.class);
    }

    QaResult review() {
        return QA.review(submission(), QA_DAY);
    }
}
