package io.mops.qa.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A valid review by a chat model, kept under the digest of what it reviewed (see {@link CopyUnderReview#digest}). */
@Entity
@Table(name = "ai_review")
public class RememberedReview extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "char(64)")
    public String digest;
    @Column(nullable = false)
    public String model;
    /** The {@link CopyReview} as JSON. */
    @Column(nullable = false)
    public String review;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
