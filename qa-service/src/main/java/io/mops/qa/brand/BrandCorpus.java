package io.mops.qa.brand;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.mops.common.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The brands' corpora as the CoE keeps them, and the brand voice check that reads them. Created at startup: loading
 * the model takes a second or two, which must not happen on the event loop of the first request that needs it.
 */
@Startup
@ApplicationScoped
public class BrandCorpus {

    /** The in-process model configured in application.properties; stored with each vector it made. */
    static final String MODEL = "all-minilm-l6-v2";

    private final BrandVoice voice;
    private final BrandVoiceCheck check;
    private final Clock clock;

    public BrandCorpus(EmbeddingModel model, Clock clock) {
        this.clock = clock;
        this.voice = new BrandVoice(model);
        this.check = new BrandVoiceCheck(voice);
    }

    public BrandVoiceCheck check() {
        return check;
    }

    /** A brand's examples with their embeddings; empty for no brand. Needs a session. */
    public Uni<List<CorpusExample>> examplesOf(String brand) {
        if (brand == null || brand.isBlank()) {
            return Uni.createFrom().item(List.of());
        }
        return BrandExample.ofBrand(brand).map(all -> all.stream().map(BrandExample::toCorpusExample).toList());
    }

    public Uni<List<BrandExampleView>> list(String brand) {
        return BrandExample.ofBrand(brand).map(all -> all.stream().map(BrandExampleView::of).toList());
    }

    /**
     * Embedding takes tens of milliseconds of CPU, so it runs on a worker thread; storing returns to the request's
     * context, as Hibernate Reactive requires.
     */
    public Uni<BrandExampleView> add(String brand, NewBrandExample example, String author) {
        Context request = Vertx.currentContext();
        return Uni.createFrom().item(() -> voice.embed(example.text()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> request.runOnContext(ignored -> command.run()))
                .flatMap(vector -> Panache.withTransaction(() -> {
                    BrandExample stored = new BrandExample();
                    stored.id = UUID.randomUUID();
                    stored.brand = brand;
                    stored.stance = example.stance();
                    stored.text = example.text().strip();
                    stored.embedding = BrandExample.encode(vector);
                    stored.model = MODEL;
                    stored.createdBy = author;
                    stored.createdAt = Instant.now(clock);
                    return stored.<BrandExample>persist().map(BrandExampleView::of);
                }));
    }

    /**
     * Adds copy an approver rejected ("teach brand voice") as a rejected example with the reason, once per approval
     * request. Runs in the caller's transaction; the embedding is computed on a worker thread first.
     */
    public Uni<Void> teach(String brand, String text, String reason, String author, UUID requestId) {
        Context caller = Vertx.currentContext();
        return Uni.createFrom().item(() -> voice.embed(text))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> caller.runOnContext(ignored -> command.run()))
                .flatMap(vector -> BrandExample.count("taughtByRequest", requestId).flatMap(seen -> {
                    if (seen > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    BrandExample stored = new BrandExample();
                    stored.id = UUID.randomUUID();
                    stored.brand = brand;
                    stored.stance = Stance.REJECTED;
                    stored.text = text.strip();
                    stored.embedding = BrandExample.encode(vector);
                    stored.model = MODEL;
                    stored.createdBy = author;
                    stored.createdAt = Instant.now(clock);
                    stored.reason = reason;
                    stored.taughtByRequest = requestId;
                    return stored.persist().replaceWithVoid();
                }));
    }

    public Uni<Void> remove(String brand, UUID id) {
        return Panache.withTransaction(() -> BrandExample.<BrandExample>findById(id).flatMap(found -> {
            if (found == null || !found.brand.equals(brand)) {
                throw new NotFoundProblem("brand '" + brand + "' has no example " + id);
            }
            return found.delete();
        }));
    }
}
