package io.mops.qa.spam;

import java.io.IOException;

/** Something that scores a whole MIME message for spam: spamd in production and tests. */
public interface SpamScorer {

    SpamReport score(byte[] message) throws IOException;

    /** For findings: which scorer answered, or did not. */
    String describe();
}
