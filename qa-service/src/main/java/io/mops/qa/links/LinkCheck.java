package io.mops.qa.links;

import io.mops.qa.rules.CampaignLink;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.ElementPath;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;
import io.mops.qa.rules.tracking.LinkAddress;
import io.mops.qa.rules.tracking.TrackedLinks;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Rules {@value RuleIds#LINK_RESOLVES}, {@value RuleIds#LINK_FINAL_TAGS}, {@value RuleIds#IMAGE_REACHABLE},
 * {@value RuleIds#IMAGE_DIMENSIONS} and {@value RuleIds#EMAIL_WEIGHT}: every link, landing page and image of the
 * campaign is resolved as a recipient would reach it (through {@link LinkResolver}, which never counts a click or an
 * open), and what it answered is judged. A definite failure takes the rule's severity (a broken link blocks); a slow
 * answer is at most a warning; an answer that decides nothing (a timeout, a 5xx, a 403 to a checker) is at most a
 * warning that <em>needs review</em>: the finding says the check could not tell, and the CoE may dismiss it with a
 * reason once someone has looked.
 *
 * <p>Unlike the rule engine this depends on the network, so it runs beside the other slow checks, and two runs of the
 * same campaign may differ when a page changed between them: that is the point of it.
 */
public final class LinkCheck {

    /** Names reserved for documentation and tests (RFC 2606, RFC 6761): they resolve nowhere useful, so never asked. */
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(.*\\.)?(example|test|invalid)|(.*\\.)?example\\.(com|net|org)");
    private static final Location SUMMARY = Location.field("links");

    private final LinkResolver resolver;
    private final LinkCheckSettings settings;

    public LinkCheck(LinkResolver resolver) {
        this.resolver = resolver;
        this.settings = resolver.settings();
    }

    public static boolean applies(RuleBook book) {
        return List.of(RuleIds.LINK_RESOLVES, RuleIds.LINK_FINAL_TAGS, RuleIds.IMAGE_REACHABLE,
                RuleIds.IMAGE_DIMENSIONS, RuleIds.EMAIL_WEIGHT).stream().anyMatch(id -> book.enabled(id).isPresent());
    }

    public List<Finding> review(CampaignUnderReview campaign) {
        RuleBook book = campaign.book();
        if (!applies(book)) {
            return List.of();
        }
        Findings findings = new Findings(book);
        long htmlBytes = campaign.email().map(e -> e.html() == null ? 0L
                : (long) e.html().getBytes(StandardCharsets.UTF_8).length).orElse(0L);
        if (htmlBytes > settings.htmlClipBytes()) {
            findings.report(RuleIds.EMAIL_WEIGHT, Location.field(CampaignUnderReview.EMAIL_HTML),
                    "the HTML is " + kb(htmlBytes) + "; Gmail clips messages above " + kb(settings.htmlClipBytes())
                            + " and hides the rest (the unsubscribe link and postal address usually sit at the end)",
                    "cut the HTML below " + kb(settings.htmlClipBytes()) + ": inline styles once, drop comments and "
                            + "unused markup");
        }
        TrackedLinks tracked = new TrackedLinks(book);
        Map<URI, List<CampaignLink>> links = new LinkedHashMap<>();
        for (CampaignLink link : campaign.links()) {
            LinkAddress.parse(link.url()).ifPresent(a -> links.computeIfAbsent(a.uri(), u -> new ArrayList<>()).add(link));
        }
        Map<URI, List<Element>> images = new LinkedHashMap<>();
        int pixels = 0;
        for (Element img : campaign.emailHtml().map(d -> d.select("img[src]")).orElseGet(org.jsoup.select.Elements::new)) {
            Optional<LinkAddress> address = LinkAddress.parse(img.attr("src").trim());
            if (address.isEmpty()) {
                continue;
            }
            if (isPixel(img)) {
                pixels++;
                continue;
            }
            images.computeIfAbsent(address.get().uri(), u -> new ArrayList<>()).add(img);
        }
        if (links.isEmpty() && images.isEmpty()) {
            return findings.inReportOrder();
        }
        if (!settings.enabled()) {
            findings.report(RuleIds.LINK_RESOLVES, Severity.INFO, () -> SUMMARY, links.size() + " links and "
                    + images.size() + " images were not resolved: link checking is switched off "
                    + "(mops.qa.links.enabled)", null);
            return findings.inReportOrder();
        }
        long started = System.nanoTime();
        List<URI> linkUrls = links.keySet().stream().filter(u -> !isReserved(u)).toList();
        List<URI> imageUrls = images.keySet().stream().filter(u -> !isReserved(u)).toList();
        List<Resolution> linkResults = resolver.resolveAll(linkUrls, LinkResolver.Kind.PAGE);
        List<Resolution> imageResults = resolver.resolveAll(imageUrls, LinkResolver.Kind.IMAGE);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        Tally tally = new Tally();
        tally.reserved = (links.size() - linkUrls.size()) + (images.size() - imageUrls.size());
        for (Resolution result : linkResults) {
            for (CampaignLink link : links.get(result.requested())) {
                judgeLink(result, link, tracked, book, findings);
            }
            tally.count(result);
        }
        long imageBytes = 0;
        for (Resolution result : imageResults) {
            for (Element img : images.get(result.requested())) {
                judgeImage(result, img, book, findings);
            }
            tally.count(result);
            imageBytes += result.image().map(Resolution.ImageFacts::bytes).orElse(0L);
        }
        if (htmlBytes + imageBytes > settings.emailMaxBytes()) {
            findings.report(RuleIds.EMAIL_WEIGHT, Location.field(CampaignUnderReview.EMAIL_HTML),
                    "the email weighs " + kb(htmlBytes + imageBytes) + " (" + kb(htmlBytes) + " of HTML, "
                            + kb(imageBytes) + " in " + imageResults.size() + " images), more than "
                            + kb(settings.emailMaxBytes()),
                    "compress or resize the heaviest images");
        }
        findings.report(RuleIds.LINK_RESOLVES, Severity.INFO, () -> SUMMARY,
                tally.summary(linkUrls.size(), imageUrls.size(), elapsedMillis, pixels)
                        + (campaign.email().isPresent() ? "; HTML " + kb(htmlBytes) + ", images " + kb(imageBytes) : ""),
                null);
        return findings.inReportOrder();
    }

    private void judgeLink(Resolution result, CampaignLink link, TrackedLinks tracked, RuleBook book,
                           Findings findings) {
        Supplier<Location> where = link.where();
        Severity severity = book.enabled(RuleIds.LINK_RESOLVES).map(RuleBook.RuleSetting::severity)
                .orElse(Severity.INFO);
        Severity atMostWarn = cap(severity);
        switch (result.outcome()) {
            case BROKEN -> findings.report(RuleIds.LINK_RESOLVES, severity, where,
                    "the link " + link.url() + " is broken: " + result.reason() + chainText(result),
                    "correct the address, or have the page restored before launch");
            case UNDECIDED -> findings.reportNeedsReview(RuleIds.LINK_RESOLVES, atMostWarn, where,
                    "needs review: could not tell whether " + link.url() + " works — " + result.reason()
                            + chainText(result),
                    "open the link yourself; when it works, the CoE dismisses this finding with a reason");
            case NOT_REQUESTED -> { }
            case WORKS -> {
                if (result.elapsed().compareTo(settings.slowThreshold()) > 0) {
                    findings.report(RuleIds.LINK_RESOLVES, atMostWarn, where,
                            "the link " + link.url() + " took " + result.elapsed().toMillis() + " ms to answer "
                                    + "(slow above " + settings.slowThreshold().toMillis() + " ms)" + chainText(result),
                            "ask the site's owners to speed up the page or its redirects; recipients leave slow pages");
                }
                boolean downgraded = "https".equalsIgnoreCase(result.requested().getScheme())
                        && "http".equalsIgnoreCase(result.finalUrl().getScheme());
                if (downgraded) {
                    findings.report(RuleIds.LINK_RESOLVES, atMostWarn, where,
                            "the link " + link.url() + " ends on plain http: " + result.finalUrl(),
                            "link to the https address, or have the redirect fixed");
                } else if (result.redirected()) {
                    findings.report(RuleIds.LINK_RESOLVES, Severity.INFO, where,
                            "the link " + link.url() + " ends on " + result.finalUrl() + " (" + result.status()
                                    + result.tls().map(t -> ", " + t).orElse("") + ")" + chainText(result), null);
                }
                if (!tracked.isUnsubscribeLink(link)) {
                    judgeFinalTags(result, link, findings);
                }
            }
        }
    }

    /** The tags a link sets must survive its redirects, or the visit is counted under whatever the last page says. */
    private static void judgeFinalTags(Resolution result, CampaignLink link, Findings findings) {
        if (!result.redirected()) {
            return;
        }
        Map<String, String> set = new LinkedHashMap<>();
        for (Resolution.Hop hop : result.chain()) {
            LinkAddress.parse(hop.url().toString()).ifPresent(a -> a.utm().forEach(set::putIfAbsent));
            if ("none".equals(hop.method())) {
                LinkResolver.embeddedDestination(hop.url()).flatMap(d -> LinkAddress.parse(d.toString()))
                        .ifPresent(a -> a.utm().forEach(set::putIfAbsent));
            }
        }
        if (set.isEmpty()) {
            return;
        }
        Map<String, String> landed = LinkAddress.parse(result.finalUrl().toString()).map(LinkAddress::utm)
                .orElse(Map.of());
        List<String> lost = new ArrayList<>();
        set.forEach((parameter, value) -> {
            String there = landed.get(parameter);
            if (there == null) {
                lost.add(parameter + " (dropped)");
            } else if (!there.equals(value)) {
                lost.add(parameter + " (" + value + " became " + there + ")");
            }
        });
        if (!lost.isEmpty()) {
            findings.report(RuleIds.LINK_FINAL_TAGS, link.where(),
                    "the link " + link.url() + " ends on " + result.finalUrl() + " without its tags: "
                            + String.join(", ", lost),
                    "link to the final address with the tags, or have the redirect keep the query");
        }
    }

    private void judgeImage(Resolution result, Element img, RuleBook book, Findings findings) {
        Supplier<Location> where = () -> Location.element(CampaignUnderReview.EMAIL_HTML, ElementPath.of(img));
        Severity atMostWarn = cap(book.enabled(RuleIds.IMAGE_REACHABLE).map(RuleBook.RuleSetting::severity)
                .orElse(Severity.INFO));
        String src = img.attr("src").trim();
        switch (result.outcome()) {
            case BROKEN -> findings.report(RuleIds.IMAGE_REACHABLE, where,
                    "the image " + src + " does not load: " + result.reason() + chainText(result),
                    "correct the address or upload the image again");
            case UNDECIDED -> findings.reportNeedsReview(RuleIds.IMAGE_REACHABLE, atMostWarn, where,
                    "needs review: could not tell whether the image " + src + " loads — " + result.reason(),
                    "open the image yourself; when it loads, the CoE dismisses this finding with a reason");
            case NOT_REQUESTED -> { }
            case WORKS -> result.image().ifPresent(facts -> judgeImageFacts(facts, img, src, where, findings));
        }
    }

    private void judgeImageFacts(Resolution.ImageFacts facts, Element img, String src, Supplier<Location> where,
                                 Findings findings) {
        String type = facts.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("image/")) {
            findings.report(RuleIds.IMAGE_REACHABLE, where,
                    "the image " + src + " answers with " + (type.isBlank() ? "no content type" : type)
                            + ", not an image: recipients see a broken picture",
                    "point src at the image file itself");
            return;
        }
        if (facts.truncated() || facts.bytes() > settings.imageMaxBytes()) {
            findings.report(RuleIds.EMAIL_WEIGHT, where,
                    "the image " + src + " weighs " + (facts.truncated() ? "more than " : "") + kb(facts.bytes())
                            + " (heavy above " + kb(settings.imageMaxBytes()) + ")",
                    "export it at the size it is shown, compressed (JPEG quality 70–80, or PNG through a quantiser)");
        }
        Optional<Integer> declaredWidth = pixels(img.attr("width"));
        Optional<Integer> declaredHeight = pixels(img.attr("height"));
        if (facts.width().isEmpty() || facts.height().isEmpty() || facts.width().get() == 0 || facts.height().get() == 0) {
            return;
        }
        int w = facts.width().get();
        int h = facts.height().get();
        String actual = w + "×" + h;
        if (declaredWidth.isPresent() && declaredHeight.isPresent() && declaredHeight.get() > 0) {
            double shown = (double) declaredWidth.get() / declaredHeight.get();
            double own = (double) w / h;
            if (Math.abs(shown - own) / own > 0.02) {
                findings.report(RuleIds.IMAGE_DIMENSIONS, where,
                        "the image " + src + " is " + actual + " but declared " + declaredWidth.get() + "×"
                                + declaredHeight.get() + ": it is shown distorted",
                        "declare width and height in the image's own proportions");
                return;
            }
        }
        if (declaredWidth.isPresent() && w < declaredWidth.get()
                || declaredHeight.isPresent() && h < declaredHeight.get()) {
            findings.report(RuleIds.IMAGE_DIMENSIONS, where,
                    "the image " + src + " is " + actual + " but shown at " + declaredWidth.map(String::valueOf).orElse("?")
                            + "×" + declaredHeight.map(String::valueOf).orElse("?") + ": upscaled, it looks blurred",
                    "export it at least at the size it is shown (twice that for high-density screens)");
        } else if (declaredWidth.isEmpty() && declaredHeight.isEmpty()) {
            findings.report(RuleIds.IMAGE_DIMENSIONS, Severity.INFO, where,
                    "the image " + src + " (" + actual + ") declares no width or height: Outlook shows it at its "
                            + "own size and the layout jumps while it loads",
                    "declare width and height (the size it is shown at)");
        }
    }

    private static Optional<Integer> pixels(String attribute) {
        String value = attribute.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("px")) {
            value = value.substring(0, value.length() - 2).trim();
        }
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Open pixels (declared 1×1 or 0×0) are never requested: fetching one is counting an open. */
    private static boolean isPixel(Element img) {
        Optional<Integer> w = pixels(img.attr("width"));
        Optional<Integer> h = pixels(img.attr("height"));
        return w.isPresent() && h.isPresent() && w.get() <= 1 && h.get() <= 1;
    }

    static boolean isReserved(URI uri) {
        String host = uri.getHost();
        return host != null && RESERVED.matcher(host).matches();
    }

    private static Severity cap(Severity severity) {
        return severity.compareTo(Severity.WARN) > 0 ? Severity.WARN : severity;
    }

    private static String chainText(Resolution result) {
        return result.redirected() ? " (chain: " + result.describeChain() + ")" : "";
    }

    private static String kb(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static final class Tally {
        int works;
        int redirected;
        int broken;
        int undecided;
        int notRequested;
        int reserved;
        final LinkedHashSet<String> notRequestedWhy = new LinkedHashSet<>();

        void count(Resolution result) {
            switch (result.outcome()) {
                case WORKS -> {
                    works++;
                    if (result.redirected()) {
                        redirected++;
                    }
                }
                case BROKEN -> broken++;
                case UNDECIDED -> undecided++;
                case NOT_REQUESTED -> {
                    notRequested++;
                    notRequestedWhy.add(result.reason());
                }
            }
        }

        String summary(int links, int images, long millis, int pixels) {
            List<String> parts = new ArrayList<>();
            parts.add("resolved " + links + " links and " + images + " images in " + millis + " ms: " + works
                    + " work (" + redirected + " after redirects), " + broken + " broken, " + undecided + " undecided");
            if (notRequested > 0) {
                parts.add(notRequested + " not requested (" + String.join("; ", notRequestedWhy.stream().limit(3).toList())
                        + (notRequestedWhy.size() > 3 ? "; …" : "") + ")");
            }
            if (reserved > 0) {
                parts.add(reserved + " on names reserved for documentation and tests (RFC 2606) not requested");
            }
            if (pixels > 0) {
                parts.add(pixels + " tracking pixels not requested");
            }
            return String.join("; ", parts);
        }
    }
}
