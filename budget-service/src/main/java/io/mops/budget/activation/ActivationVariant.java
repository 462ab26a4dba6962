package io.mops.budget.activation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Which platform ad shows an experiment's variant; at most one per variant and platform (set by the CoE). */
@Entity
@Table(name = "activation_variant")
public class ActivationVariant extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "experiment_key", nullable = false)
    public String experimentKey;
    @Column(name = "variant_key", nullable = false)
    public String variantKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;
    @Column(name = "account_id", nullable = false)
    public String accountId;
    @Column(name = "ad_group_id")
    public String adGroupId;
    @Column(name = "ad_id", nullable = false)
    public String adId;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public AdTarget target() {
        return new AdTarget(platform, accountId, adGroupId, adId);
    }

    public static Uni<List<ActivationVariant>> ofExperiment(String experimentKey) {
        return list("experimentKey = ?1 order by variantKey, platform", experimentKey);
    }
}
