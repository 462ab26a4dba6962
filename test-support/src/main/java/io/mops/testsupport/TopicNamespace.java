package io.mops.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The platform's topics ({@code infra/kafka/topics}, with their partitions) under a prefix of a run's own, such as the
 * simulator's {@code sim.<seed>-<time>.} or the reliability suite's: nothing an earlier or interrupted run left on
 * the topics is ever consumed. {@code ./mops} creates the two fixed namespaces (none and {@code test.}); these are
 * created and deleted by the run.
 */
public final class TopicNamespace {

    private TopicNamespace() {
    }

    /** Creates every topic of {@code infra/kafka/topics} under {@code prefix}; returns their names. */
    public static List<String> create(Path root, String bootstrap, String prefix) {
        List<NewTopic> topics = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(root.resolve("infra/kafka/topics"))) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                topics.add(new NewTopic(prefix + parts[0], Integer.parseInt(parts[1]), (short) 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the topics " + prefix + "*: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return topics.stream().map(NewTopic::name).toList();
    }

    /** Deletes the topics; a failure is only reported (the topics of a finished run harm no one). */
    public static void delete(String bootstrap, List<String> topics) {
        try (Admin admin = admin(bootstrap)) {
            admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("could not delete the run's topics: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }
}
