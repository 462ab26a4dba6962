package io.mops.qa.review;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/**
 * The chat model reading campaign copy like a careful editor would. Without memory: every review stands alone, so
 * the same copy gets the same question every time. The answer's JSON shape is {@link CopyReview}; quarkus-langchain4j
 * appends its schema to the prompt and parses the answer into it.
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
public interface CopyReviewer {

    @SystemMessage("""
            You review marketing copy before it is sent, as a careful marketing-operations editor. Report only real
            problems of these kinds:
            - tone: copy that is aggressive, manipulative, condescending, or pressures with false urgency;
            - cultural: wording, images, holidays, gestures or humour that can offend or misfire in the target countries;
            - regional: spelling, currency, units, dates, legal terms or offers that do not fit the target countries;
            - unsupported-claim: superlatives, guarantees, health, environmental or financial promises the copy gives no
              evidence for.
            For each problem give the concern (tone, cultural, regional or unsupported-claim), a severity (info for a
            matter of taste, warn for something a person should look at), the exact words it is about, a one-sentence
            explanation and a concrete suggestion. Do not report spelling of brand names, formatting, or legal
            footers. If the copy has no such problem, answer with an empty list of findings.
            Answer with JSON only.""")
    @UserMessage("""
            Channel: {channel}
            Target countries (ISO 3166 codes): {regions}
            Copy, in reading order:
            ---
            {copy}
            ---""")
    CopyReview review(String channel, String regions, String copy);
}
