package io.mops.qa.brand;

import io.mops.qa.campaign.AdCreative;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.Creatives;
import io.mops.qa.campaign.EmailCreative;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;

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
}
