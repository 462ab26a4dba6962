package io.mops.simulator.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits until the platform has taken in everything it was sent and said everything it has to say: every consumer
 * group of the simulation's topics has caught up, and no service has outbox events waiting. Both are read from the
 * outside: Kafka's own offsets, and each service's {@code mops_outbox_pending_events} metric.
 */
public final class Quiescence implements AutoCloseable {

    private static final Pattern PENDING = Pattern.compile("^mops_outbox_pending_events(?:\\{[^}]*})?\\s+([0-9.eE+-]+)",
            Pattern.MULTILINE);

    private final Admin admin;
    private final String topicPrefix;
    private final List<String> serviceUrls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Quiescence(String bootstrap, String topicPrefix, List<String> serviceUrls) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(props);
        this.topicPrefix = topicPrefix;
        this.serviceUrls = serviceUrls;
    }

    /**
     * Blocks until nothing has been in flight for {@code calmFor} (longer than the services' outbox metric refresh, so
     * that a pending event cannot hide between two refreshes), or fails after {@code patience}.
     */
    public void await(Duration calmFor, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        Instant calmSince = null;
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            long lag = consumerLag();
            long pending = outboxPending();
            last = "consumer lag " + lag + ", outbox pending " + pending;
            if (lag == 0 && pending == 0) {
                calmSince = calmSince == null ? Instant.now() : calmSince;
                if (!Instant.now().isBefore(calmSince.plus(calmFor))) {
                    return;
                }
            } else {
                calmSince = null;
            }
            sleep(200);
        }
        throw new IllegalStateException("the platform did not settle within " + patience + " (" + last + ")");
    }

    private record GroupPartition(String group, TopicPartition partition) {
    }

    long consumerLag() {
        try {
            Map<GroupPartition, Long> committed = new HashMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                        .forEach((partition, offset) -> {
                            if (partition.topic().startsWith(topicPrefix) && offset != null) {
                                committed.put(new GroupPartition(group.groupId(), partition), offset.offset());
                            }
                        });
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(key -> latest.put(key.partition(), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<GroupPartition, Long> entry : committed.entrySet()) {
                lag += Math.max(0, ends.get(entry.getKey().partition()).offset() - entry.getValue());
            }
            return lag;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read consumer offsets: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long outboxPending() {
        long pending = 0;
        for (String url : serviceUrls) {
            try {
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = PENDING.matcher(metrics.body());
                while (m.find()) {
                    pending += (long) Double.parseDouble(m.group(1));
                }
            } catch (java.io.IOException e) {
                pending += 1; // a service that does not answer is not known to be settled
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return pending;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
