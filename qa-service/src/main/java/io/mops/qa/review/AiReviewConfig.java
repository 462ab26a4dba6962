package io.mops.qa.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether copy is reviewed by a chat model, and which one. Off by default: a service started without a model (as
 * {@code ./mops up} does) reviews nothing and says so in every run. The endpoint, model and key reach the OpenAI
 * client through {@code quarkus.langchain4j.openai.*} in application.properties, which read these keys.
 */
@ConfigMapping(prefix = "mops.qa.ai-review")
public interface AiReviewConfig {

    /** Review copy with the configured chat model. */
    @WithDefault("false")
    boolean enabled();

    /** The OpenAI-compatible endpoint, up to and including {@code /v1} (Ollama: {@code http://localhost:11434/v1}). */
    @WithDefault("http://localhost:11434/v1")
    String baseUrl();

    /** The model's name at that endpoint; it is named in every finding and is part of the review cache's key. */
    @WithDefault("llama3.1:8b")
    String model();

    /** The endpoint's API key; Ollama needs none. Never logged. */
    Optional<String> apiKey();

    /** How long one attempt may take before it counts as failed. */
    @WithDefault("30s")
    Duration timeout();
}
