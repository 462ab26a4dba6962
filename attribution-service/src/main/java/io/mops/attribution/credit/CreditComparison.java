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
public record CreditComparison(String currency, List<String> models,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(description = "Distinct channel paths; absent in an answer narrowed to one channel")
                               Integer paths,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long totalConversions,
                               @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal totalConversionValue,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long totalNulls,
                               List<ChannelRow> channels,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(description = "Spend and ROAS per channel, when the request carried spend")
                               List<ChannelReturn> returns) {

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
                paths.paths().size(), paths.totalConversions(), paths.totalConversionValue(), paths.totalNulls(), rows,
                null);
    }

    /**
     * The same credit with each channel's spend and ROAS under each model (one row per channel credited or spent).
     */
    CreditComparison withReturns(List<Attribution> attributions, Map<String, BigDecimal> spendByChannel) {
        return new CreditComparison(currency, models, paths, totalConversions, totalConversionValue, totalNulls,
                channels, ChannelReturn.of(channels.stream().map(ChannelRow::channel).toList(), attributions,
                spendByChannel));
    }

    /**
     * Only {@code channel}'s row (and its return, if any), without the totals over every channel: with two channels
     * credited, the total value less one channel's credit would be the other channel's credit.
     */
    CreditComparison confinedTo(String channel) {
        return new CreditComparison(currency, models, null, null, null, null,
                channels.stream().filter(row -> row.channel().equals(channel)).toList(),
                returns == null ? null : returns.stream().filter(row -> row.channel().equals(channel)).toList());
    }

    /**
     * One line per channel; per model its credited conversions and value: {@code markov-1_conversions,...}. With
     * spend, also the channel's {@code spend} and per model {@code markov-1_roas} (empty where unknown), and a line
     * for every channel that spent without being credited.
     */
    String toCsv() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("channel"));
        for (String model : models) {
            header.add(model + "_conversions");
            header.add(model + "_value");
        }
        if (returns != null) {
            header.add("spend");
            models.forEach(model -> header.add(model + "_roas"));
        }
        rows.add(header);
        Map<String, ChannelRow> credited = new LinkedHashMap<>();
        channels.forEach(row -> credited.put(row.channel(), row));
        List<String> listed = returns == null ? List.copyOf(credited.keySet())
                : returns.stream().map(ChannelReturn::channel).toList();
        for (int i = 0; i < listed.size(); i++) {
            String channel = listed.get(i);
            List<String> row = new ArrayList<>(List.of(channel));
            ChannelRow credit = credited.get(channel);
            for (String model : models) {
                ModelCredit modelCredit = credit == null ? null : credit.credit().get(model);
                row.add(modelCredit == null ? "0" : modelCredit.conversions().toPlainString());
                row.add(modelCredit == null ? "0" : modelCredit.value().toPlainString());
            }
            if (returns != null) {
                ChannelReturn channelReturn = returns.get(i);
                row.add(plain(channelReturn.spend()));
                models.forEach(model -> row.add(plain(channelReturn.roas().get(model))));
            }
            rows.add(row);
        }
        return PathFile.write(rows);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
