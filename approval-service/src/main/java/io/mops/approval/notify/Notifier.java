package io.mops.approval.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.approval.ApprovalConfig;
import io.mops.approval.directory.ApproverDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes who must hear what, in the transaction of the change it tells about: one mail row per person (immediate or
 * for the daily digest, as the person prefers) and one webhook delivery per group that has a webhook. The
 * {@link NotificationDispatcher} sends them afterwards, so a mail server or webhook that is away never rolls back
 * a decision.
 */
@ApplicationScoped
public class Notifier {

    public enum Topic { ASSIGNED, REMINDER, ESCALATED, DECIDED }

    private final ApproverDirectory directory;
    private final Clock clock;
    private final ObjectMapper json;
    private final String consoleUrl;

    public Notifier(ApproverDirectory directory, Clock clock, ObjectMapper json, ApprovalConfig config) {
        this.directory = directory;
        this.clock = clock;
        this.json = json;
        this.consoleUrl = config.consoleUrl();
    }

    public String link(UUID requestId) {
        return consoleUrl + "/" + requestId;
    }

    /** Everyone in {@code groups} (by the directory) but those in {@code except}. */
    public Set<String> membersOf(Collection<String> groups, Collection<String> except) {
        Set<String> people = new TreeSet<>();
        for (String g : groups) {
            directory.members(g).ifPresent(people::addAll);
        }
        people.removeAll(except);
        return people;
    }

    /**
     * @param people whom to mail (people without an address in the directory, such as services, are skipped)
     * @param groups whose webhooks to post to
     */
    public Uni<Void> tell(Topic topic, RequestNotice request, Set<String> people, Collection<String> groups,
                          String headline) {
        Instant now = clock.instant();
        String subject = "[MOPS approvals] " + headline + ": " + clip(request.summary(), 120);
        String body = headline + "\n\n" + request.summary() + "\n\nKind: " + request.kind()
                + (request.channel() == null ? "" : "\nChannel: " + request.channel())
                + (request.amount() == null ? "" : "\nAmount: " + request.amount().toPlainString() + " " + request.currency())
                + "\nRequested by: " + request.requestedBy()
                + (request.expiresAt() == null ? "" : "\nExpires: " + request.expiresAt())
                + "\n\nOpen it: " + link(request.id()) + "\n";
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String person : people) {
            directory.email(person).ifPresent(address -> addresses.put(person, address));
        }
        Uni<Void> work = addresses.isEmpty() ? Uni.createFrom().voidItem()
                : NotificationPreference.<NotificationPreference>list("username in ?1", addresses.keySet())
                .chain(prefs -> {
                    Set<String> digest = new TreeSet<>();
                    prefs.stream().filter(p -> p.mode == NotificationPreference.Mode.DAILY_DIGEST)
                            .forEach(p -> digest.add(p.username));
                    List<Notification> rows = new ArrayList<>();
                    addresses.forEach((person, address) -> {
                        Notification n = new Notification();
                        n.id = UUID.randomUUID();
                        n.recipient = person;
                        n.address = address;
                        n.topic = topic.name().toLowerCase(java.util.Locale.ROOT);
                        n.requestId = request.id();
                        n.subject = subject;
                        n.body = body;
                        n.digest = digest.contains(person);
                        n.createdAt = now;
                        rows.add(n);
                    });
                    return Notification.persist(rows);
                });
        if (groups.isEmpty()) {
            return work;
        }
        return work.chain(() -> GroupWebhook.<GroupWebhook>list("group in ?1", Set.copyOf(groups))).chain(hooks -> {
            List<WebhookDelivery> deliveries = new ArrayList<>();
            for (GroupWebhook hook : hooks) {
                WebhookDelivery d = new WebhookDelivery();
                d.id = UUID.randomUUID();
                d.group = hook.group;
                d.url = hook.url;
                d.body = payload(topic, request, hook.group, headline);
                d.createdAt = now;
                d.nextAttemptAt = now;
                deliveries.add(d);
            }
            return deliveries.isEmpty() ? Uni.createFrom().voidItem() : WebhookDelivery.persist(deliveries);
        });
    }

    /** Slack-compatible: {@code text} is what a chat shows; the other fields are for bots. */
    private String payload(Topic topic, RequestNotice request, String group, String headline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", headline + ": " + request.summary() + " <" + link(request.id()) + "|open>");
        body.put("event", topic.name().toLowerCase(java.util.Locale.ROOT));
        body.put("group", group);
        body.put("requestId", request.id().toString());
        body.put("kind", request.kind());
        body.put("status", request.status());
        body.put("link", link(request.id()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
