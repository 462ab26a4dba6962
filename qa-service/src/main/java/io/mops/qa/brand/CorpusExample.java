package io.mops.qa.brand;

import java.util.UUID;

/**
 * One example of a brand's corpus with its embedding, worked out once when the CoE added it.
 *
 * @param vector the example's embedding under the model the corpus was built with
 */
public record CorpusExample(UUID id, Stance stance, String text, float[] vector) {
}
