package io.mops.qa.rules;

import io.mops.qa.campaign.AdCreative;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.Creatives;
import io.mops.qa.campaign.EmailCreative;
import io.mops.qa.campaign.SmsCreative;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A submission prepared for the checks: the email HTML parsed once (with its parse errors kept), and every link and
 * every piece of copy gathered from wherever it sits, each with its location.
 */
public final class CampaignUnderReview {

    public static final String EMAIL_HTML = "creatives.email.html";
    /** Enough parse errors to describe a broken document; a thoroughly broken one is not worth listing in full. */
    public static final int MAX_TRACKED_PARSE_ERRORS = 20;
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");

    private final CampaignSubmission submission;
    private final RuleBook book;
    private final LocalDate today;
    private final Document emailHtml;
    private final List<ParseError> htmlErrors;
    private final List<CampaignLink> links = new ArrayList<>();
    private final List<CopyText> copy = new ArrayList<>();

    public CampaignUnderReview(CampaignSubmission submission, RuleBook book, LocalDate today) {
        this.submission = submission;
        this.book = book;
        this.today = today;
        Creatives creatives = submission.creatives();
        EmailCreative email = creatives == null ? null : creatives.email();
        if (email != null && !isBlank(email.html())) {
            Parser parser = Parser.htmlParser().setTrackErrors(MAX_TRACKED_PARSE_ERRORS);
            this.emailHtml = Jsoup.parse(email.html(), "", parser);
            this.htmlErrors = List.copyOf(parser.getErrors());
        } else {
            this.emailHtml = null;
            this.htmlErrors = List.of();
        }
        gatherLinks(creatives);
        gatherCopy(creatives);
    }

    private void gatherLinks(Creatives creatives) {
        for (int i = 0; i < submission.trackingLinks().size(); i++) {
            Location location = Location.field("trackingLinks[" + i + "]");
            links.add(new CampaignLink(submission.trackingLinks().get(i), "", () -> location, false));
        }
        if (creatives == null) {
            return;
        }
        if (!isBlank(creatives.landingPageUrl())) {
            links.add(new CampaignLink(creatives.landingPageUrl(), "", () -> Location.field("creatives.landingPageUrl"), false));
        }
        if (emailHtml != null) {
            for (Element anchor : emailHtml.select("a[href], area[href]")) {
                links.add(new CampaignLink(anchor.attr("href").trim(), anchor.text(),
                        () -> Location.element(EMAIL_HTML, ElementPath.of(anchor)), true));
            }
        }
        SmsCreative sms = creatives.sms();
        if (sms != null && sms.text() != null) {
            Matcher url = URL_IN_TEXT.matcher(sms.text());
            while (url.find()) {
                links.add(new CampaignLink(stripTrailingPunctuation(url.group()), "", () -> Location.field("creatives.sms.text"), false));
            }
        }
    }

    private void gatherCopy(Creatives creatives) {
        if (creatives == null) {
            return;
        }
        EmailCreative email = creatives.email();
        if (email != null) {
            addCopy(email.subject(), Location.field("creatives.email.subject"));
            addCopy(email.preheader(), Location.field("creatives.email.preheader"));
            if (emailHtml != null) {
                for (Element element : emailHtml.body().getAllElements()) {
                    String own = element.ownText();
                    if (!own.isBlank()) {
                        copy.add(new CopyText(own, () -> Location.element(EMAIL_HTML, ElementPath.of(element))));
                    }
                }
            }
            addCopy(email.plainText(), Location.field("creatives.email.plainText"));
        }
        AdCreative ad = creatives.ad();
        if (ad != null) {
            for (int i = 0; i < ad.headlines().size(); i++) {
                addCopy(ad.headlines().get(i), Location.field("creatives.ad.headlines[" + i + "]"));
            }
            addCopy(ad.body(), Location.field("creatives.ad.body"));
        }
        SmsCreative sms = creatives.sms();
        if (sms != null) {
            addCopy(sms.text(), Location.field("creatives.sms.text"));
        }
    }

    private void addCopy(String text, Location location) {
        if (!isBlank(text)) {
            copy.add(new CopyText(text, () -> location));
        }
    }

    private static String stripTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public CampaignSubmission submission() {
        return submission;
    }

    public RuleBook book() {
        return book;
    }

    /** The day QA runs on: dates are judged against it, so it is an input of the review like the campaign itself. */
    public LocalDate today() {
        return today;
    }

    /** The creative kind this campaign's channel needs, when the rule set knows the channel. */
    public Optional<RuleBook.CreativeKind> creativeKind() {
        return book.channel(submission.channel()).map(RuleBook.ChannelRules::creative);
    }

    public Optional<EmailCreative> email() {
        return Optional.ofNullable(submission.creatives()).map(Creatives::email);
    }

    public Optional<SmsCreative> sms() {
        return Optional.ofNullable(submission.creatives()).map(Creatives::sms);
    }

    public Optional<AdCreative> ad() {
        return Optional.ofNullable(submission.creatives()).map(Creatives::ad);
    }

    /** The parsed email HTML; empty when the campaign has none. */
    public Optional<Document> emailHtml() {
        return Optional.ofNullable(emailHtml);
    }

    public List<ParseError> htmlErrors() {
        return htmlErrors;
    }

    public List<CampaignLink> links() {
        return links;
    }

    public List<CopyText> copy() {
        return copy;
    }
}
