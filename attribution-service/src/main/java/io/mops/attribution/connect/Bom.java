package io.mops.attribution.connect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/** Drops the byte order mark spreadsheet programs and some platforms put before the first header of a UTF-8 file. */
final class Bom {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Bom() {
    }

    static BufferedReader skipped(Reader body) {
        BufferedReader reader = body instanceof BufferedReader buffered ? buffered : new BufferedReader(body);
        try {
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
