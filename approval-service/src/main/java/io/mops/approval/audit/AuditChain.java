package io.mops.approval.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The audit trail as a hash chain: each entry's hash is SHA-256 over the previous entry's hash, a newline and the
 * entry's canonical JSON (keys sorted, no whitespace). Changing any field of an entry changes its hash; recomputing
 * that hash to cover the change breaks the next entry's link. Verification therefore names the first entry whose
 * stored hash or link does not hold.
 */
public final class AuditChain {

    /** The link of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    /** An entry as stored; {@code at} has the database's microsecond precision. */
    public record Entry(long seq, Instant at, String actor, String action, String subject, String details,
                        String prevHash, String hash) {
    }

    /** Where the chain breaks. */
    public record Break(long seq, String reason) {
    }

    public static String canonical(long seq, Instant at, String actor, String action, String subject,
                                   String details) {
        TreeMap<String, Object> fields = new TreeMap<>();
        fields.put("action", action);
        fields.put("actor", actor);
        fields.put("at", at.toString());
        fields.put("details", details);
        fields.put("seq", seq);
        fields.put("subject", subject);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hashOf(Entry e) {
        return hash(e.prevHash(), canonical(e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.details()));
    }

    /**
     * @param entries     consecutive entries in sequence order
     * @param predecessor the hash of the entry before the first one ({@link #GENESIS} from the start)
     * @return the first broken entry, or empty when every link and hash holds
     */
    public static Optional<Break> verify(List<Entry> entries, String predecessor, long expectedFirstSeq) {
        String previous = predecessor;
        long expected = expectedFirstSeq;
        for (Entry e : entries) {
            if (e.seq() != expected) {
                return Optional.of(new Break(expected, "entry " + expected + " is missing"));
            }
            if (!e.prevHash().equals(previous)) {
                return Optional.of(new Break(e.seq(), "its link does not match the hash of entry " + (e.seq() - 1)));
            }
            if (!hashOf(e).equals(e.hash())) {
                return Optional.of(new Break(e.seq(), "its content does not match its hash"));
            }
            previous = e.hash();
            expected++;
        }
        return Optional.empty();
    }
}
