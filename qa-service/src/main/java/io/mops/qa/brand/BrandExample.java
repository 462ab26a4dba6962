package io.mops.qa.brand;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One example of a brand's corpus as stored, with the embedding computed when it was added. */
@Entity
@Table(name = "brand_example")
public class BrandExample extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String brand;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stance stance;
    @Column(nullable = false)
    public String text;
    /** The embedding's floats, big-endian: compact, and read back bit for bit. */
    @Column(nullable = false)
    public byte[] embedding;
    /** Vectors of different models are not comparable; this says which model made this one. */
    @Column(nullable = false)
    public String model;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Why an approver rejected this copy, when it was taught through approval-service. */
    @Column(columnDefinition = "text")
    public String reason;
    /** The approval request that taught it; unique, so a lesson is learned once. */
    @Column(name = "taught_by_request")
    public java.util.UUID taughtByRequest;

    static Uni<List<BrandExample>> ofBrand(String brand) {
        return find("brand", Sort.ascending("createdAt").and("id"), brand).list();
    }

    CorpusExample toCorpusExample() {
        ByteBuffer bytes = ByteBuffer.wrap(embedding);
        float[] vector = new float[embedding.length / Float.BYTES];
        bytes.asFloatBuffer().get(vector);
        return new CorpusExample(id, stance, text, vector);
    }

    static byte[] encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }
}
