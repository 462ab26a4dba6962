package io.mops.qa.brand;

/** How close new copy is to one corpus example: cosine similarity of their embeddings, from -1 to 1. */
public record Resemblance(CorpusExample example, double similarity) {
}
