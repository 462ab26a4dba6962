package io.mops.qa.brand;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

import java.util.Comparator;
import java.util.List;

/**
 * Places copy among a brand's examples: embeds it with the same model the corpus was embedded with, and ranks the
 * approved and the rejected examples by how much they resemble it. Thread-safe as long as the model is.
 */
public final class BrandVoice {

    private final EmbeddingModel model;

    public BrandVoice(EmbeddingModel model) {
        this.model = model;
    }

    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /** The corpus examples of {@code stance}, most similar to {@code copy} first. */
    public Placement place(String copy, List<CorpusExample> corpus) {
        Embedding embedded = Embedding.from(embed(copy));
        List<Resemblance> ranked = corpus.stream()
                .map(example -> new Resemblance(example,
                        CosineSimilarity.between(embedded, Embedding.from(example.vector()))))
                .sorted(Comparator.comparingDouble(Resemblance::similarity).reversed()
                        .thenComparing(r -> r.example().id()))
                .toList();
        return new Placement(ranked.stream().filter(r -> r.example().stance() == Stance.APPROVED).toList(),
                ranked.stream().filter(r -> r.example().stance() == Stance.REJECTED).toList());
    }

    /** Approved and rejected examples, each most similar first. */
    public record Placement(List<Resemblance> approved, List<Resemblance> rejected) {

        public double closestApproved() {
            return approved.isEmpty() ? Double.NaN : approved.getFirst().similarity();
        }

        public double closestRejected() {
            return rejected.isEmpty() ? Double.NaN : rejected.getFirst().similarity();
        }
    }
}
