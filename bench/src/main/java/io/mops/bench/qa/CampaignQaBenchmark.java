package io.mops.bench.qa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import java.util.concurrent.TimeUnit;

/**
 * Rule checks of a typical email campaign (issue 6: under 20 ms): the shipped Black Friday newsletter sample (a few
 * KB of table-layout HTML, five links, three images, a plain-text part) and the non-compliant sample, which produces the most
 * findings, under the bundled rule set. Each review parses the HTML with jsoup, so parsing is part of the figure.
 * Compiling a rule set (done once per version in the service) is measured separately.
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
