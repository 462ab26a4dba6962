package io.mops.qa.brand;

import io.mops.qa.campaign.AdCreative;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.Creatives;
import io.mops.qa.campaign.EmailCreative;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words a recipient reads in a campaign, in reading order, as one text: what the brand voice is judged on. */
public final class CampaignCopy {

    private CampaignCopy() {
    }

    public static String of(CampaignSubmission submission) {
        List<String> parts = new ArrayList<>();
        Creatives creatives = submission.creatives();
        EmailCreative email = creatives.email();
        if (email != null) {
            parts.add(email.subject());
            parts.add(email.preheader());
            // The visible text as a browser would show it; markup, styles and scripts are not voice.
            parts.add(email.html() == null ? null : Jsoup.parse(email.html()).text());
        }
        AdCreative ad = creatives.ad();
        if (ad != null) {
            if (ad.headlines() != null) {
                parts.addAll(ad.headlines());
            }
            parts.add(ad.body());
        }
        if (creatives.sms() != null) {
            parts.add(creatives.sms().text());
        }
        return String.join("\n", parts.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList());
    }

    /**
     * The copy field by field, in reading order, keyed by the field path findings point at
     * ({@code creatives.email.subject}, {@code creatives.ad.headlines[0]}); the email's HTML is not among them (it is
     * markup, shown on its own).
     */
    public static Map<String, String> fields(CampaignSubmission submission) {
        Map<String, String> fields = new LinkedHashMap<>();
        Creatives creatives = submission.creatives();
        if (creatives == null) {
            return fields;
        }
        EmailCreative email = creatives.email();
        if (email != null) {
            put(fields, "creatives.email.subject", email.subject());
            put(fields, "creatives.email.preheader", email.preheader());
            put(fields, "creatives.email.plainText", email.plainText());
        }
        AdCreative ad = creatives.ad();
        if (ad != null) {
            if (ad.headlines() != null) {
                for (int i = 0; i < ad.headlines().size(); i++) {
                    put(fields, "creatives.ad.headlines[" + i + "]", ad.headlines().get(i));
                }
            }
            put(fields, "creatives.ad.body", ad.body());
        }
        if (creatives.sms() != null) {
            put(fields, "creatives.sms.text", creatives.sms().text());
        }
        return fields;
    }

    private static void put(Map<String, String> fields, String path, String text) {
        if (text != null && !text.isBlank()) {
            fields.put(path, text);
        }
    }
}
