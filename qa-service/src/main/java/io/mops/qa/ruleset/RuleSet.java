package io.mops.qa.ruleset;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One published version of a QA rule set; never changed once stored. */
@Entity
@Table(name = "rule_set")
public class RuleSet extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public int version;
    @Column(nullable = false)
    public String region;
    public String description;
    /** The rule set document (JSON) exactly as it judges campaigns. */
    @Column(nullable = false)
    public String document;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Uni<RuleSet> latest(String name) {
        return RuleSet.<RuleSet>find("name", Sort.descending("version"), name).firstResult();
    }

    static Uni<RuleSet> version(String name, int version) {
        return RuleSet.<RuleSet>find("name = ?1 and version = ?2", name, version).firstResult();
    }

    static Uni<List<RuleSet>> versionsOf(String name) {
        return RuleSet.<RuleSet>list("name", Sort.by("version"), name);
    }
}
