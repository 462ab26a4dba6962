package io.mops.qa.rules.clients;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.ElementPath;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rule {@value RuleIds#CLIENT_SUPPORT}: every HTML and CSS feature the email uses is looked up in caniemail, and a
 * feature that the newest tested version of a client the rule set names does not support is a finding at the element
 * that first uses it, naming each client family with its platforms and versions. Partial support and unknown support
 * are not reported: caniemail's notes say what partial means, feature by feature, and a rule cannot read them.
 */
public final class ClientSupportCheck implements CampaignCheck {

    private final CanIEmail data;
    private final EmailFeatures features;
    private final RuleBook.ClientSupportRules clients;

    public ClientSupportCheck(RuleBook book) {
        this(book, CanIEmail.bundled());
    }

    ClientSupportCheck(RuleBook book, CanIEmail data) {
        this.data = data;
        this.features = new EmailFeatures(data);
        this.clients = book.clientSupport();
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        if (clients == null || !findings.isEnabled(RuleIds.CLIENT_SUPPORT)) {
            return;
        }
        campaign.emailHtml().ifPresent(html -> features.of(html).forEach((slug, uses) ->
                data.feature(slug).ifPresent(feature -> judge(feature, uses, findings))));
    }

    private void judge(CanIEmail.Feature feature, List<EmailFeatures.Use> uses, Findings findings) {
        List<String> failing = new ArrayList<>();
        clients.clients().forEach((family, platforms) -> {
            Map<String, CanIEmail.Support> stats = feature.stats().getOrDefault(family, Map.of());
            List<String> where = new ArrayList<>();
            for (String platform : platforms) {
                CanIEmail.Support support = stats.get(platform);
                if (support != null && support.unsupported()) {
                    where.add(data.platforms().getOrDefault(platform, platform) + " " + support.version());
                }
            }
            if (!where.isEmpty()) {
                failing.add(data.families().getOrDefault(family, family) + " (" + String.join(", ", where) + ")");
            }
        });
        if (failing.isEmpty()) {
            return;
        }
        EmailFeatures.Use first = uses.getFirst();
        findings.report(RuleIds.CLIENT_SUPPORT,
                () -> Location.element(CampaignUnderReview.EMAIL_HTML, ElementPath.of(first.element())),
                feature.title() + " (" + first.what() + (uses.size() > 1 ? ", and " + (uses.size() - 1)
                        + " more uses" : "") + ") is not supported by " + String.join("; ", failing)
                        + " — " + CanIEmail.VERSION + " (data of " + data.lastUpdate() + "), " + feature.url(),
                "give those clients a fallback that works without it, or leave it out");
    }
}
