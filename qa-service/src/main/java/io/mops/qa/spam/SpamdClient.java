package io.mops.qa.spam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of spamd's SPAMC protocol (version 1.5, as spamc speaks it): one {@code REPORT} request per message over
 * TCP, answered with the score and SpamAssassin's report table. Written here rather than taken from a library: the
 * only Java client on Maven Central ({@code hu.alphabox:spamc} 0.1.x) is a one-person project without releases since
 * 2019, and the request is a dozen lines of text (spamd's PROTOCOL file).
 */
public final class SpamdClient implements SpamScorer {

    private static final Pattern STATUS = Pattern.compile("SPAMD/(\\d+\\.\\d+) (\\d+) (.*)");
    private static final Pattern SPAM_HEADER = Pattern.compile(
            "(?i)Spam:\\s*(True|False|Yes|No)\\s*;\\s*(-?[0-9.]+)\\s*/\\s*(-?[0-9.]+)");
    /** A row of the report table: points, rule name, description (" 2.7 MISSING_DATE  Missing Date: header"). */
    private static final Pattern RULE_ROW = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)\\s+([A-Z0-9_]+)\\s+(.*)$");

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration timeout;

    public SpamdClient(String host, int port, Duration connectTimeout, Duration timeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return "spamd at " + host + ":" + port;
    }

    @Override
    public SpamReport score(byte[] message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            String request = "REPORT SPAMC/1.5\r\nContent-length: " + message.length + "\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
            socket.shutdownOutput();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** Reads spamd's answer to a {@code REPORT}: status line, headers, blank line, the report. */
    static SpamReport parse(String answer) throws IOException {
        String[] headAndBody = answer.split("\r?\n\r?\n", 2);
        List<String> head = headAndBody[0].lines().toList();
        if (head.isEmpty()) {
            throw new IOException("spamd answered nothing");
        }
        Matcher status = STATUS.matcher(head.getFirst().strip());
        if (!status.matches()) {
            throw new IOException("spamd answered " + head.getFirst().strip());
        }
        if (!"0".equals(status.group(2))) {
            throw new IOException("spamd refused the message: " + status.group(2) + " " + status.group(3));
        }
        Matcher spam = head.stream().map(SPAM_HEADER::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new IOException("spamd's answer has no Spam header"));
        double score = Double.parseDouble(spam.group(2));
        double threshold = Double.parseDouble(spam.group(3));
        return new SpamReport(score, threshold, rules(headAndBody.length > 1 ? headAndBody[1] : ""));
    }

    /**
     * The rows under the table's dashed rule; a description too long for its row continues on indented lines, which
     * are joined to it.
     */
    static List<SpamReport.FiredRule> rules(String report) {
        List<SpamReport.FiredRule> rules = new ArrayList<>();
        boolean inTable = false;
        for (String line : report.lines().toList()) {
            if (!inTable) {
                inTable = line.startsWith("----");
                continue;
            }
            Matcher row = RULE_ROW.matcher(line);
            if (row.matches()) {
                rules.add(new SpamReport.FiredRule(row.group(2), Double.parseDouble(row.group(1)),
                        row.group(3).strip()));
            } else if (!line.isBlank() && !rules.isEmpty()) {
                SpamReport.FiredRule last = rules.removeLast();
                rules.add(new SpamReport.FiredRule(last.name(), last.points(),
                        (last.description() + " " + line.strip()).strip()));
            }
        }
        return rules;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        in.transferTo(answer);
        return answer.toString(StandardCharsets.UTF_8);
    }
}
