package io.mops.attribution.lines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file as they arrive, one in memory at a time, each with the line it starts on; rows whose fields
 * are all blank are passed over. What each import makes of a row (a header of its own columns, a platform's report)
 * is its own; reading the rows is this one class.
 */
public final class CsvRows implements AutoCloseable {

    private static final CsvMapper CSV = new CsvMapper();

    /** @param line 1-based, where the row's first field starts */
    public record Row(long line, List<String> fields) {
    }

    private final CsvParser parser;

    private CsvRows(CsvParser parser) {
        this.parser = parser;
    }

    public static CsvRows of(Reader body) throws IOException {
        return new CsvRows((CsvParser) CSV.getFactory().createParser(body));
    }

    /**
     * @return the next row with a field that is not blank, or {@code null} at the end
     * @throws JsonProcessingException where the text stops being CSV ({@link #unreadable})
     */
    public Row next() throws IOException {
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            // A row's own location is where its first field starts; the array token sits at the line before.
            long line = -1;
            List<String> fields = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (line < 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                fields.add(parser.getText());
            }
            if (!fields.stream().allMatch(String::isBlank)) {
                return new Row(line, fields);
            }
        }
        return null;
    }

    /** The rejection of the rest of a file that stopped being CSV. */
    public static RejectedLine unreadable(JsonProcessingException e) {
        return new RejectedLine(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                "not readable as CSV (" + e.getOriginalMessage() + "); the rest of the file was not read");
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
