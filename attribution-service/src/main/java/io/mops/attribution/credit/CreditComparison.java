package io.mops.attribution.credit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mops.attribution.model.Attribution;
import io.mops.attribution.model.ChannelCredit;
import io.mops.attribution.model.PathSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Several models' credit for the same path set, side by side per channel. */
@Schema(description = "The credit of each requested model, side by side per channel")
public record CreditComparison(String currency, List<String> models, int paths, long totalConversions,
                               BigDecimal totalConversionValue, long totalNulls, List<ChannelRow> channels) {

    @Schema(description = "One channel's credit under each model, keyed by model name")
    public record ChannelRow(String channel, Map<String, ModelCredit> credit) {
    }

    /** @param standardError only for sampled estimates */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelCredit(BigDecimal conversions, BigDecimal value, StandardError standardError) {
    }

    public record StandardError(double conversions, double value, int permutations) {
    }

    static CreditComparison of(PathSet paths, List<Attribution> attributions) {
        TreeSet<String> channels = new TreeSet<>(paths.channels());
        List<ChannelRow> rows = new ArrayList<>();
        for (String channel : channels) {
            Map<String, ModelCredit> credit = new LinkedHashMap<>();
            for (Attribution attribution : attributions) {
                ChannelCredit c = attribution.creditOf(channel);
                credit.put(attribution.model(), new ModelCredit(c.conversions(), c.value(), c.samplingError()
                        .map(e -> new StandardError(e.conversions(), e.value(), e.permutations())).orElse(null)));
            }
            rows.add(new ChannelRow(channel, credit));
        }
        return new CreditComparison(paths.currency(), attributions.stream().map(Attribution::model).toList(),
                paths.paths().size(), paths.totalConversions(), paths.totalConversionValue(), paths.totalNulls(), rows);
    }

    /** One line per channel; per model its credited conversions and value: {@code markov-1_conversions,...}. */
    String toCsv() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("channel"));
        for (String model : models) {
            header.add(model + "_conversions");
            header.add(model + "_value");
        }
        rows.add(header);
        for (ChannelRow channel : channels) {
            List<String> row = new ArrayList<>(List.of(channel.channel()));
            for (String model : models) {
                ModelCredit credit = channel.credit().get(model);
                row.add(credit.conversions().toPlainString());
                row.add(credit.value().toPlainString());
            }
            rows.add(row);
        }
        return PathFile.write(rows);
    }
}
