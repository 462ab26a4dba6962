package io.mops.bench.qa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.mops.qa.brand.BrandVoice;
import io.mops.qa.brand.CampaignCopy;
import io.mops.qa.brand.CorpusExample;
import io.mops.qa.brand.Stance;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.rules.CampaignQa;
import io.mops.qa.rules.QaResult;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleBookReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Rule checks of a typical email campaign (issue 6: under 20 ms): the shipped Black Friday newsletter sample (a few
 * KB of table-layout HTML, five links, three images, a plain-text part) and the non-compliant sample, which produces the most
 * findings, under the bundled rule set. Each review parses the HTML with jsoup, so parsing is part of the figure.
 * Compiling a rule set (done once per version in the service) is measured separately.
 *
 * <p>Brand voice (issue 6: texts per second): embedding the typical email's copy (subject, preheader and the HTML's
 * visible text) with the in-process all-MiniLM-L6-v2 model, and placing it among a 20-example corpus, which adds
 * the corpus comparison to one embedding.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class CampaignQaBenchmark {

    private static final LocalDate QA_DAY = LocalDate.of(2026, 11, 25);

    @State(Scope.Benchmark)
    public static class Campaigns {
        final RuleBookReader reader = new RuleBookReader();
        RuleBook rules;
        CampaignQa qa;
        CampaignSubmission typicalEmail;
        CampaignSubmission nonCompliantEmail;

        @Setup
        public void load() throws IOException {
            rules = reader.bundledDefault();
            qa = new CampaignQa(rules);
            ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
            typicalEmail = sample(json, "good-email-black-friday-us");
            nonCompliantEmail = sample(json, "noncompliant-email-investment-scheme");
        }

        private static CampaignSubmission sample(ObjectMapper json, String name) throws IOException {
            try (InputStream in = CampaignQaBenchmark.class.getClassLoader().getResourceAsStream("samples/" + name + ".json")) {
                return json.readValue(in, CampaignSubmission.class);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class BrandCorpus {
        BrandVoice voice;
        String typicalEmailCopy;
        List<CorpusExample> corpus;

        @Setup
        public void load(Campaigns campaigns) {
            voice = new BrandVoice(new AllMiniLmL6V2EmbeddingModel());
            typicalEmailCopy = CampaignCopy.of(campaigns.typicalEmail);
            corpus = IntStream.range(0, 20).mapToObj(i -> {
                String text = "Example " + i + ": warm winter jackets and dry hiking boots, built to last, "
                        + (i % 2 == 0 ? "now 20% off." : "made for the first snow.");
                return new CorpusExample(UUID.randomUUID(), i < 15 ? Stance.APPROVED : Stance.REJECTED, text,
                        voice.embed(text));
            }).toList();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float[] embedTypicalEmailCopy(BrandCorpus brand) {
        return brand.voice.embed(brand.typicalEmailCopy);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public BrandVoice.Placement placeTypicalEmailCopyInBrandCorpus(BrandCorpus brand) {
        return brand.voice.place(brand.typicalEmailCopy, brand.corpus);
    }

    @Benchmark
    public QaResult reviewTypicalEmailCampaign(Campaigns campaigns) {
        return campaigns.qa.review(campaigns.typicalEmail, QA_DAY);
    }

    @Benchmark
    public QaResult reviewNonCompliantEmailCampaign(Campaigns campaigns) {
        return campaigns.qa.review(campaigns.nonCompliantEmail, QA_DAY);
    }

    @Benchmark
    public CampaignQa compileRuleSet(Campaigns campaigns) {
        return new CampaignQa(campaigns.rules);
    }
}
