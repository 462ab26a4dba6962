package io.mops.simulator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's {@code summary.json} and {@code report.html}. The plots are drawn by JFreeChart and embedded as
 * PNG data, so the report is one file that opens offline.
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int WIDTH = 900;
    private static final int HEIGHT = 380;

    private ReportWriter() {
    }

    public static Path write(SimulationReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve("summary.json").toFile(), report);
            Files.writeString(directory.resolve("report.html"), html(report));
            return directory.resolve("report.html");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(SeedSummary summary, List<SimulationReport> runs, Path directory) {
        try {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve("summary.json").toFile(), summary);
            StringBuilder html = new StringBuilder(head("MOPS simulation: " + summary.market() + ", " + runs.size() + " seeds"));
            html.append("<p>Seeds ").append(summary.seeds()).append(". Each figure: mean and 95&nbsp;% interval over the seeds "
                    + "(Student t). Each seed's own report is in its folder beside this one.</p>");
            html.append("<table><tr><th scope=col>figure</th><th scope=col>mean</th><th scope=col>95 % interval</th></tr>");
            summary.figures().forEach((name, i) -> html.append("<tr><td>").append(escape(name)).append("</td><td>")
                    .append(fmt(i.mean())).append("</td><td>").append(fmt(i.low())).append(" – ").append(fmt(i.high()))
                    .append("</td></tr>"));
            html.append("</table></body></html>");
            Files.writeString(directory.resolve("report.html"), html);
            return directory.resolve("report.html");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(SimulationReport r) {
        StringBuilder h = new StringBuilder(head("MOPS simulation: " + r.market() + ", seed " + r.seed()));
        h.append("<p>").append(escape(r.description())).append("</p>");
        h.append("<p>").append(r.days()).append(" simulated days; figures count days ").append(r.judgedFromDay())
                .append("–").append(r.days() - 1).append(" (the days before are the loop's learning period). Values are the "
                        + "market's true expected incremental value in ").append(escape(r.currency()))
                .append(", not what attribution reported.</p>");

        h.append("<h2>Budget strategies</h2><table><tr><th scope=col>strategy</th><th scope=col>spend</th>"
                + "<th scope=col>conversions</th><th scope=col>value</th><th scope=col>conversions per 1,000 spent</th>"
                + "<th scope=col>value per unit spent</th><th scope=col>share of oracle</th><th scope=col>vs even split</th></tr>");
        for (StrategyFigures s : r.strategies()) {
            h.append("<tr><td>").append(escape(s.strategy())).append("</td><td>").append(fmt(s.spend())).append("</td><td>")
                    .append(fmt(s.conversions())).append("</td><td>").append(fmt(s.value())).append("</td><td>")
                    .append(fmt(1000 * s.conversionsPerSpend())).append("</td><td>").append(fmt(s.valuePerSpend()))
                    .append("</td><td>").append(pct(s.shareOfOracle())).append("</td><td>").append(signedPct(s.liftOverEven()))
                    .append("</td></tr>");
        }
        h.append("</table>");
        h.append("<h3>Goals (reported, not enforced)</h3><ul>");
        r.goals().forEach((goal, met) -> h.append("<li>").append(met ? "met: " : "<strong>not met</strong>: ")
                .append(escape(goal)).append("</li>"));
        h.append("</ul>");
        r.notes().forEach(n -> h.append("<p class=note>").append(escape(n)).append("</p>"));

        h.append(figure(cumulativeValue(r), "Cumulative true value per strategy"));
        for (int c = 0; c < r.channels().size(); c++) {
            h.append(figure(shareOverTime(r, c), "Budget share of " + r.channels().get(c) + " over time, MOPS against the oracle"));
        }

        if (!r.attribution().isEmpty()) {
            h.append("<h2>Attribution against the truth</h2><p>Conversions attribution-service credited to each channel "
                    + "over the judged days, per model, beside the conversions the channel really caused.</p>");
            h.append(figure(attribution(r), "Credited against truly caused conversions"));
        }

        if (!r.experiments().isEmpty()) {
            h.append("<h2>Experiments</h2><table><tr><th scope=col>experiment</th><th scope=col>visitors</th>"
                    + "<th scope=col>regret, platform</th><th scope=col>regret, even split</th><th scope=col>ratio</th>"
                    + "<th scope=col>true best</th><th scope=col>declared winner</th></tr>");
            for (ExperimentFigures e : r.experiments()) {
                h.append("<tr><td>").append(escape(e.experiment())).append("</td><td>").append(fmt(e.visitors()))
                        .append("</td><td>").append(fmt(e.banditRegret())).append("</td><td>").append(fmt(e.evenSplitRegret()))
                        .append("</td><td>").append(fmt(e.regretRatio())).append("</td><td>").append(escape(e.trueBest()))
                        .append("</td><td>").append(escape(e.declaredWinner() == null ? "–" : e.declaredWinner()))
                        .append("</td></tr>");
            }
            h.append("</table><p>Regret: expected conversions lost against sending every visitor to the truly best "
                    + "variant (true rates, so no sampling noise).</p>");
            r.experimentRegret().forEach((key, series) -> h.append(figure(regret(key, series), "Cumulative regret in " + key)));
        }

        if (!r.calibration().isEmpty()) {
            h.append("<h2>Track record: forecasts against what happened</h2><table><tr><th scope=col>source</th>"
                    + "<th scope=col>forecasts with an outcome</th><th scope=col>still pending</th>"
                    + "<th scope=col>never measurable</th><th scope=col>inside the 90 % interval</th>"
                    + "<th scope=col>mean error</th></tr>");
            for (Calibration c : r.calibration()) {
                h.append("<tr><td>").append(escape(c.source())).append("</td><td>").append(c.decisions()).append("</td><td>")
                        .append(c.pending()).append("</td><td>").append(c.unmeasurable()).append("</td><td>")
                        .append(pct(c.insideShare())).append("</td><td>").append(fmt(c.meanError())).append("</td></tr>");
            }
            h.append("</table>");
            List<Calibration> withTruth = r.calibration().stream().filter(c -> c.truth() != null).toList();
            if (!withTruth.isEmpty()) {
                h.append("<p>The same forecasts held to the market's truth, which the platform never sees (the true "
                        + "value a forecast was about; a realised value is one noisy draw of it):</p><table><tr>"
                        + "<th scope=col>source</th><th scope=col>forecasts with a known truth</th>"
                        + "<th scope=col>true value inside the 90 % interval</th><th scope=col>mean error of the "
                        + "forecast</th><th scope=col>mean error of the realised value</th></tr>");
                for (Calibration c : withTruth) {
                    h.append("<tr><td>").append(escape(c.source())).append("</td><td>").append(c.truth().decisions())
                            .append("</td><td>").append(pct(c.truth().insideShare())).append("</td><td>")
                            .append(fmt(c.truth().meanError())).append("</td><td>")
                            .append(fmt(c.truth().realisedMeanError())).append("</td></tr>");
                }
                h.append("</table>");
            }
            for (Calibration c : r.calibration()) {
                if (!c.points().isEmpty()) {
                    h.append(figure(calibration(c), "Forecast against realised: " + c.source()));
                }
            }
        }

        h.append("<h2>What the loop asked people</h2>");
        if (r.decisions().isEmpty()) {
            h.append("<p>Nothing: every move stayed inside the approval policy.</p>");
        } else {
            h.append("<table><tr><th scope=col>day</th><th scope=col>kind</th><th scope=col>request</th>"
                    + "<th scope=col>outcome</th><th scope=col>by</th></tr>");
            for (HumanDecision d : r.decisions()) {
                h.append("<tr><td>").append(d.day()).append("</td><td>").append(escape(d.kind())).append("</td><td>")
                        .append(escape(d.summary())).append("</td><td>").append(escape(d.decision())).append("</td><td>")
                        .append(escape(String.join(", ", d.by()))).append("</td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</body></html>").toString();
    }

    private static JFreeChart cumulativeValue(SimulationReport r) {
        XYSeriesCollection data = new XYSeriesCollection();
        r.dailyValue().forEach((strategy, values) -> {
            XYSeries series = new XYSeries(strategy);
            double sum = 0;
            for (int t = 0; t < values.length; t++) {
                sum += values[t];
                series.add(t, sum);
            }
            data.addSeries(series);
        });
        return line("", "day", "cumulative value (" + r.currency() + ")", data);
    }

    private static JFreeChart shareOverTime(SimulationReport r, int channel) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[][]> shares : r.dailyShares().entrySet()) {
            XYSeries series = new XYSeries(shares.getKey());
            double[][] s = shares.getValue();
            for (int t = 0; t < s.length; t++) {
                series.add(t, s[t][channel]);
            }
            data.addSeries(series);
        }
        return line("", "day", "share of the day's budget", data);
    }

    private static JFreeChart attribution(SimulationReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ChannelCredit credit : r.attribution()) {
            data.addValue(credit.trueIncremental(), "truly caused", credit.channel());
            credit.creditByModel().forEach((model, value) -> data.addValue(value, "credited, " + model, credit.channel()));
        }
        JFreeChart chart = ChartFactory.createBarChart("", "channel", "conversions", data, PlotOrientation.VERTICAL,
                true, false, false);
        style(chart);
        ((CategoryPlot) chart.getPlot()).setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static JFreeChart regret(String key, List<double[]> cumulative) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries platform = new XYSeries("MOPS allocation");
        XYSeries even = new XYSeries("even split");
        for (int t = 0; t < cumulative.size(); t++) {
            platform.add(t, cumulative.get(t)[0]);
            even.add(t, cumulative.get(t)[1]);
        }
        data.addSeries(platform);
        data.addSeries(even);
        return line(key, "day", "expected conversions lost", data);
    }

    private static JFreeChart calibration(Calibration c) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries points = new XYSeries("decisions");
        XYSeries diagonal = new XYSeries("forecast = realised");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : c.points()) {
            points.add(p[0], p[1]);
            lo = Math.min(lo, Math.min(p[0], p[1]));
            hi = Math.max(hi, Math.max(p[0], p[1]));
        }
        diagonal.add(lo, lo);
        diagonal.add(hi, hi);
        data.addSeries(points);
        data.addSeries(diagonal);
        JFreeChart chart = ChartFactory.createScatterPlot("", "forecast", "realised", data, PlotOrientation.VERTICAL,
                true, false, false);
        style(chart);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(1, false);
        ((XYPlot) chart.getPlot()).setRenderer(renderer);
        return chart;
    }

    private static JFreeChart line(String title, String x, String y, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        ((XYPlot) chart.getPlot()).setRenderer(renderer);
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
    }

    private static String figure(JFreeChart chart, String caption) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
            return "<figure><img alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(png.toByteArray()) + "\"><figcaption>" + escape(caption)
                    + "</figcaption></figure>";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String head(String title) {
        return "<!doctype html><html lang=en><head><meta charset=utf-8><title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;color:#1a1a1a}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}figure{margin:1.5em 0}figcaption{color:#444}"
                + ".note{background:#fff6d6;padding:.5em}</style></head><body><h1>" + escape(title) + "</h1>";
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String signedPct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.1f %%", 100 * v);
    }
}
