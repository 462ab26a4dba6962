package io.mops.testing.experiment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "experiment")
public class Experiment extends PanacheEntityBase {

    public enum Status { DRAFT, RUNNING, PAUSED, CONCLUDED }

    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String key;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Uni<List<Experiment>> visibleTo(Optional<String> channel) {
        Sort newestFirst = Sort.descending("createdAt");
        return channel.map(c -> Experiment.<Experiment>list("channel", newestFirst, c))
                .orElseGet(() -> Experiment.listAll(newestFirst));
    }

    static Uni<Boolean> keyTaken(String key) {
        return Experiment.count("key", key).map(n -> n > 0);
    }
}
