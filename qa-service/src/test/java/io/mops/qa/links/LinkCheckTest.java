package io.mops.qa.links;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Ticker;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleBookReader;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links and images resolved against web sites the test starts on the loopback address: redirect chains, 404s, slow
 * answers, huge images and tracking hosts that must never be sent a GET. No request leaves the machine: every
 * resolver here allows only 127.0.0.1.
 */
class LinkCheckTest {

    private static final RuleBook RULES = new RuleBookReader().bundledDefault();
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final String TAGS = "utm_source=newsletter&utm_medium=email&utm_campaign=2026-11-black-friday-us";

    private final LocalSite site = new LocalSite();
    private final List<AutoCloseable> closing = new ArrayList<>(List.of(site));

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private LinkCheckSettings local() {
        return LinkCheckSettings.defaults().withAllowedHosts(List.of("127.0.0.1"))
                .withTimeouts(Duration.ofSeconds(3), 1, Duration.ofMillis(1500));
    }

    /** A short request timeout, for the tests that wait for one to pass. */
    private LinkCheckSettings impatient() {
        return local().withTimeouts(Duration.ofMillis(500), 1, Duration.ofMillis(300));
    }

    private LinkResolver resolver(LinkCheckSettings settings) {
        LinkResolver resolver = new LinkResolver(settings);
        closing.add(resolver);
        return resolver;
    }

    private List<Finding> check(LinkCheckSettings settings, String body, String... trackingLinks) {
        return new LinkCheck(resolver(settings)).review(email(body, trackingLinks));
    }

    private static List<Finding> of(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static List<Finding> severe(List<Finding> findings, String ruleId) {
        return of(findings, ruleId).stream().filter(f -> f.severity() != Severity.INFO).toList();
    }

    @Test
    void aRedirectChainIsFollowedHopByHopToTheFinalPage() {
        site.redirect("/a", 301, site.url("/b?" + TAGS)).redirect("/b", 302, "/c?" + TAGS).page("/c");
        Resolution resolution = resolver(local()).resolve(URI.create(site.url("/a?" + TAGS)), LinkResolver.Kind.PAGE);

        assertEquals(Resolution.Outcome.WORKS, resolution.outcome());
        assertEquals(List.of(301, 302, 200), resolution.chain().stream().map(Resolution.Hop::status).toList());
        assertEquals(site.url("/c?" + TAGS), resolution.finalUrl().toString());
        assertEquals(200, resolution.status());
        assertTrue(resolution.tls().isEmpty(), "plain http has no TLS");
    }

    @Test
    void aLinkThatAnswers404BlocksTheLaunch() {
        List<Finding> findings = check(local(), "<a href=\"" + site.url("/gone?" + TAGS) + "\">Shop jackets</a>");

        List<Finding> broken = severe(findings, RuleIds.LINK_RESOLVES);
        assertEquals(1, broken.size(), findings.toString());
        assertEquals(Severity.BLOCK, broken.getFirst().severity());
        assertTrue(broken.getFirst().message().contains("is broken: 404"), broken.getFirst().message());
        assertFalse(broken.getFirst().needsReview());
    }

    @Test
    void aRedirectToA404IsBrokenAndNamesTheChain() {
        site.redirect("/old", 301, "/missing");
        Finding broken = severe(check(local(), "<a href=\"" + site.url("/old") + "\">Shop</a>"), RuleIds.LINK_RESOLVES)
                .getFirst();
        assertEquals(Severity.BLOCK, broken.severity());
        assertTrue(broken.message().contains("GET " + site.url("/old") + " → 301"), broken.message());
        assertTrue(broken.message().contains(site.url("/missing") + " → 404"), broken.message());
    }

    @Test
    void aLinkThatTimesOutNeedsReviewAndWasAskedOnceMoreBeforeGivingUp() {
        site.slowPage("/stuck", 2_000);
        List<Finding> findings = check(impatient(), "<a href=\"" + site.url("/stuck?" + TAGS) + "\">Shop jackets</a>");

        Finding undecided = severe(findings, RuleIds.LINK_RESOLVES).getFirst();
        assertTrue(undecided.needsReview(), undecided.toString());
        assertEquals(Severity.WARN, undecided.severity(), "a check that cannot decide never blocks");
        assertTrue(undecided.message().startsWith("needs review: could not tell whether"), undecided.message());
        assertTrue(undecided.message().contains("no answer within 500 ms (2 attempt(s))"), undecided.message());
        assertEquals(2, site.requestsTo("/stuck").size(), "one attempt and one retry");
    }

    @Test
    void aSlowLinkIsAWarningNotABlock() {
        site.slowPage("/slow", 2_000);
        Finding slow = severe(check(local(), "<a href=\"" + site.url("/slow?" + TAGS) + "\">Shop</a>"),
                RuleIds.LINK_RESOLVES).getFirst();
        assertEquals(Severity.WARN, slow.severity());
        assertFalse(slow.needsReview());
        assertTrue(slow.message().contains("(slow above 1500 ms)"), slow.message());
    }

    @Test
    void aServerErrorIsRetriedAndAnAnswerOnTheSecondAttemptCounts() {
        AtomicLong calls = new AtomicLong();
        site.on("/flaky", exchange -> LocalSite.send(exchange, calls.incrementAndGet() == 1 ? 503 : 200, "text/html",
                "x".getBytes()));
        Resolution resolution = resolver(local()).resolve(URI.create(site.url("/flaky")), LinkResolver.Kind.PAGE);
        assertEquals(Resolution.Outcome.WORKS, resolution.outcome());
        assertEquals(2, site.requestsTo("/flaky").size());
    }

    @Test
    void aServerErrorOnEveryAttemptNeedsReview() {
        site.status("/down", 503);
        Resolution resolution = resolver(local()).resolve(URI.create(site.url("/down")), LinkResolver.Kind.PAGE);
        assertEquals(Resolution.Outcome.UNDECIDED, resolution.outcome());
        assertEquals("503 after 2 attempt(s)", resolution.reason());
    }

    @Test
    void aRedirectLoopIsBroken() {
        site.redirect("/loop", 302, "/loop");
        Resolution resolution = resolver(local()).resolve(URI.create(site.url("/loop")), LinkResolver.Kind.PAGE);
        assertEquals(Resolution.Outcome.BROKEN, resolution.outcome());
        assertEquals(11, resolution.chain().size());
    }

    @Test
    void tagsDroppedByARedirectAreReportedOnTheFinalAddress() {
        site.redirect("/promo", 301, "/jackets").page("/jackets");
        List<Finding> findings = check(local(), "<a href=\"" + site.url("/promo?" + TAGS) + "\">Shop</a>");

        Finding lost = of(findings, RuleIds.LINK_FINAL_TAGS).getFirst();
        assertEquals(Severity.WARN, lost.severity());
        assertTrue(lost.message().contains("utm_campaign (dropped)"), lost.message());
    }

    @Test
    void tagsKeptThroughARedirectPass() {
        site.redirect("/promo", 301, "/jackets?" + TAGS).page("/jackets");
        List<Finding> findings = check(local(), "<a href=\"" + site.url("/promo?" + TAGS) + "\">Shop</a>");
        assertTrue(of(findings, RuleIds.LINK_FINAL_TAGS).isEmpty(), findings.toString());
        assertTrue(severe(findings, RuleIds.LINK_RESOLVES).isEmpty(), findings.toString());
    }

    @Test
    void aTrackingHostIsNeverRequestedAndTheDestinationItCarriesIsFollowed() {
        LocalSite tracker = new LocalSite();
        closing.add(tracker);
        site.page("/jackets");
        String destination = java.net.URLEncoder.encode(site.url("/jackets?" + TAGS), java.nio.charset.StandardCharsets.UTF_8);
        LinkCheckSettings settings = local().withAllowedHosts(List.of("127.0.0.1"))
                .withTrackingHosts(List.of(tracker.hostAndPort()), LinkCheckSettings.TrackingRequests.NONE);

        List<Finding> findings = check(settings,
                "<a href=\"" + tracker.url("/c?id=42&url=" + destination) + "\">Shop</a>"
                        + "<a href=\"" + tracker.url("/c?id=43") + "\">Other</a>"
                        + "<img src=\"" + tracker.url("/open.gif") + "\" alt=\"\" width=\"2\" height=\"2\">");

        assertEquals(List.of(), tracker.requests(), "the tracking host received no request at all");
        assertEquals(1, site.requestsTo("/jackets").size(), "the destination was resolved instead");
        assertTrue(severe(findings, RuleIds.LINK_RESOLVES).isEmpty(), findings.toString());
        String summary = of(findings, RuleIds.LINK_RESOLVES).getLast().message();
        assertTrue(summary.contains("2 not requested (tracking host"), summary);
    }

    @Test
    void inHeadModeATrackingHostReceivesOnlyHeadRequests() {
        LocalSite tracker = new LocalSite();
        closing.add(tracker);
        site.page("/jackets");
        tracker.redirect("/c", 302, site.url("/jackets?" + TAGS));
        tracker.image("/logo.png", LocalSite.png(10, 10), "image/png");
        LinkCheckSettings settings = local()
                .withTrackingHosts(List.of(tracker.hostAndPort()), LinkCheckSettings.TrackingRequests.HEAD);

        List<Finding> findings = check(settings, "<a href=\"" + tracker.url("/c?id=1") + "\">Shop</a>"
                + "<img src=\"" + tracker.url("/logo.png") + "\" alt=\"Logo\" width=\"10\" height=\"10\">");

        assertFalse(tracker.requests().isEmpty());
        assertTrue(tracker.requests().stream().allMatch(r -> r.method().equals("HEAD")), tracker.requests().toString());
        assertEquals(List.of(new LocalSite.Request("GET", "/jackets")), site.requests());
        assertTrue(severe(findings, RuleIds.LINK_RESOLVES).isEmpty(), findings.toString());
    }

    @Test
    void openPixelsAreNeverRequested() {
        site.image("/open.gif", LocalSite.png(1, 1), "image/gif");
        check(local(), "<img src=\"" + site.url("/open.gif?c=1") + "\" width=\"1\" height=\"1\" alt=\"\">");
        assertEquals(List.of(), site.requests());
    }

    @Test
    void hostsOutsideTheAllowedOnesAndReservedNamesAreNotRequested() {
        List<Finding> findings = check(local(),
                "<a href=\"https://www.northwind.example/jackets?" + TAGS + "\">Shop</a>"
                        + "<a href=\"http://192.0.2.7/offer\">Offer</a>");
        List<Finding> resolves = of(findings, RuleIds.LINK_RESOLVES);
        assertEquals(1, resolves.size(), findings.toString());
        assertEquals(Severity.INFO, resolves.getFirst().severity());
        assertTrue(resolves.getFirst().message().contains("1 not requested (host 192.0.2.7 is outside "
                + "mops.qa.links.allowed-hosts)"), resolves.getFirst().message());
        assertTrue(resolves.getFirst().message().contains("1 on names reserved for documentation"),
                resolves.getFirst().message());
    }

    @Test
    void aDecidedResultIsCachedUntilItsTimeIsUpAndAnUndecidedOneIsNot() {
        site.page("/ok");
        site.slowPage("/stuck", 2_000);
        AtomicLong now = new AtomicLong();
        Ticker ticker = now::get;
        LinkResolver resolver = new LinkResolver(local().withTimeouts(Duration.ofMillis(500), 0, Duration.ofSeconds(1))
                .withCacheTtl(Duration.ofMinutes(10)), ticker);
        closing.add(resolver);
        URI ok = URI.create(site.url("/ok"));
        URI stuck = URI.create(site.url("/stuck"));

        resolver.resolve(ok, LinkResolver.Kind.PAGE);
        resolver.resolve(ok, LinkResolver.Kind.PAGE);
        assertEquals(1, site.requestsTo("/ok").size(), "the second lookup is answered from the cache");
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        resolver.resolve(ok, LinkResolver.Kind.PAGE);
        assertEquals(2, site.requestsTo("/ok").size(), "after the TTL the address is asked again");

        resolver.resolve(stuck, LinkResolver.Kind.PAGE);
        resolver.resolve(stuck, LinkResolver.Kind.PAGE);
        assertEquals(2, site.requestsTo("/stuck").size(), "an undecided result is not remembered");
    }

    @Test
    void requestsToOneHostAreLimitedToTheConfiguredConcurrency() {
        IntStream.range(0, 12).forEach(i -> site.slowPage("/p" + i, 150));
        LinkResolver resolver = resolver(local().withPerHostConcurrency(3));
        List<URI> urls = IntStream.range(0, 12).mapToObj(i -> URI.create(site.url("/p" + i))).toList();

        List<Resolution> results = resolver.resolveAll(urls, LinkResolver.Kind.PAGE);

        assertTrue(results.stream().allMatch(r -> r.outcome() == Resolution.Outcome.WORKS), results.toString());
        assertTrue(site.mostConcurrentRequests() <= 3, "at most 3 at a time, saw " + site.mostConcurrentRequests());
    }

    @Test
    void anImageIsMeasuredAgainstItsDeclaredSize() {
        site.image("/wide.png", LocalSite.png(600, 300), "image/png")
                .image("/small.png", LocalSite.png(300, 150), "image/png")
                .image("/page.png", "<html>".getBytes(), "text/html");
        List<Finding> findings = check(local(),
                "<img src=\"" + site.url("/wide.png") + "\" alt=\"Jackets\" width=\"600\" height=\"300\">"
                        + "<img src=\"" + site.url("/wide.png") + "\" alt=\"Squashed\" width=\"300\" height=\"300\">"
                        + "<img src=\"" + site.url("/small.png") + "\" alt=\"Blurred\" width=\"600\" height=\"300\">"
                        + "<img src=\"" + site.url("/page.png") + "\" alt=\"Not an image\" width=\"10\" height=\"10\">"
                        + "<img src=\"" + site.url("/none.png") + "\" alt=\"Missing\">");

        List<String> dimensions = of(findings, RuleIds.IMAGE_DIMENSIONS).stream().map(Finding::message).toList();
        assertEquals(2, dimensions.size(), dimensions.toString());
        assertTrue(dimensions.stream().anyMatch(m -> m.contains("is 600×300 but declared 300×300: it is shown distorted")));
        assertTrue(dimensions.stream().anyMatch(m -> m.contains("is 300×150 but shown at 600×300: upscaled")));
        List<Finding> reachable = of(findings, RuleIds.IMAGE_REACHABLE);
        assertEquals(2, reachable.size(), reachable.toString());
        assertTrue(reachable.stream().allMatch(f -> f.severity() == Severity.BLOCK));
        assertTrue(reachable.stream().anyMatch(f -> f.message().contains("answers with text/html, not an image")));
        assertTrue(reachable.stream().anyMatch(f -> f.message().contains("does not load: 404")));
        assertEquals(1, site.requestsTo("/wide.png").size(), "one image used twice is fetched once");
    }

    @Test
    void aHugeImageIsReportedAndDownloadedNoFurtherThanTheLimit() {
        site.hugeImage("/huge.png", 4000, 3000, 50L * 1024 * 1024);
        LinkCheckSettings settings = local().withTimeouts(Duration.ofSeconds(5), 0, Duration.ofSeconds(5))
                .withWeights(102 * 1024, 200 * 1024, 1024 * 1024, 1024 * 1024);
        List<Finding> findings = check(settings,
                "<img src=\"" + site.url("/huge.png") + "\" alt=\"Poster\" width=\"4000\" height=\"3000\">");

        List<String> weight = of(findings, RuleIds.EMAIL_WEIGHT).stream().map(Finding::message).toList();
        assertTrue(weight.stream().anyMatch(m -> m.contains("weighs more than 1024.0 KB (heavy above 200.0 KB)")),
                weight.toString());
        assertTrue(weight.stream().anyMatch(m -> m.contains("more than 1024.0 KB")), weight.toString());
        assertTrue(of(findings, RuleIds.IMAGE_DIMENSIONS).isEmpty(), "its header was read: 4000×3000 as declared");
    }

    @Test
    void htmlAboveGmailsClippingLimitIsAWarning() {
        String body = "<p>" + "Warm jackets for cold days. ".repeat(4_000) + "</p>";
        List<Finding> weight = of(check(local(), body), RuleIds.EMAIL_WEIGHT);
        assertEquals(1, weight.size(), weight.toString());
        assertEquals(Severity.WARN, weight.getFirst().severity());
        assertTrue(weight.getFirst().message().contains("Gmail clips messages above 102.0 KB"));
    }

    @Test
    void switchedOffTheCheckSaysSoAndRequestsNothing() {
        site.page("/ok");
        LinkCheckSettings off = new LinkCheckSettings(false, Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
                Duration.ZERO, 1, Duration.ZERO, 1, 1, Duration.ofSeconds(1), java.util.Optional.empty(), List.of(),
                LinkCheckSettings.TrackingRequests.NONE, 102 * 1024, 1, 1, 1);
        List<Finding> findings = check(off, "<a href=\"" + site.url("/ok") + "\">Shop</a>");
        assertEquals(List.of(), site.requests());
        assertTrue(of(findings, RuleIds.LINK_RESOLVES).getFirst().message().contains("link checking is switched off"));
    }

    static CampaignUnderReview email(String body, String... trackingLinks) {
        try (InputStream in = LinkCheckTest.class.getClassLoader()
                .getResourceAsStream("samples/good-email-black-friday-us.json")) {
            ObjectNode json = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) json.at("/creatives/email")).put("html",
                    "<!DOCTYPE html><html lang=\"en\"><body>" + body + "</body></html>");
            ((ObjectNode) json.at("/creatives")).remove("landingPageUrl");
            json.set("trackingLinks", JSON.valueToTree(List.of(trackingLinks)));
            CampaignSubmission submission = JSON.treeToValue(json, CampaignSubmission.class);
            return new CampaignUnderReview(submission, RULES, LocalDate.of(2026, 11, 25));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
