package io.mops.qa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.SampleDates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Shipped sample campaigns as request bodies for API tests. */
public final class SampleSubmissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleSubmissions() {
    }

    /**
     * A shipped sample with a campaign id of its own, so that a test finds exactly its own event, and its dates moved
     * to stand to today as they stood to the day the sample was written for.
     */
    public static ObjectNode sample(String name) {
        try (InputStream in = SampleSubmissions.class.getClassLoader().getResourceAsStream("samples/" + name + ".json")) {
            ObjectNode campaign = (ObjectNode) JSON.readTree(in);
            campaign.put("campaignId", campaign.get("campaignId").asText() + "-" + UUID.randomUUID().toString().substring(0, 8));
            return SampleDates.shiftedToToday(campaign);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
