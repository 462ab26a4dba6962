package io.mops.approval.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainTest {

    @Test
    void theHashIsSha256OverThePreviousHashANewlineAndTheCanonicalEntry() {
        String canonical = AuditChain.canonical(1, Instant.parse("2026-12-01T10:00:00Z"), "alice", "a", "s", "{}");
        assertEquals("{\"action\":\"a\",\"actor\":\"alice\",\"at\":\"2026-12-01T10:00:00Z\",\"details\":\"{}\","
                + "\"seq\":1,\"subject\":\"s\"}", canonical);
        // Computed independently with Python's hashlib.sha256 over the same bytes.
        assertEquals("8e04bfbea8535170966be57d656f039997f97875f70abb58b173e6c38cfc7fb8",
                AuditChain.hash(AuditChain.GENESIS, canonical));
    }

    private static List<AuditChain.Entry> chain(int n) {
        List<AuditChain.Entry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditChain.Entry e = new AuditChain.Entry(i, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i),
                    "alice", "request.decided", "req-" + i, "{\"verdict\":\"GRANT\"}", prev, null);
            String hash = AuditChain.hashOf(e);
            entries.add(new AuditChain.Entry(e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.details(), prev, hash));
            prev = hash;
        }
        return entries;
    }

    @Test
    void anIntactChainVerifies() {
        assertEquals(Optional.empty(), AuditChain.verify(chain(50), AuditChain.GENESIS, 1));
    }

    @Test
    void anEditedEntryIsNamedEvenWhenItsHashWasRecomputed() {
        List<AuditChain.Entry> entries = chain(10);
        AuditChain.Entry seven = entries.get(6);
        AuditChain.Entry edited = new AuditChain.Entry(7, seven.at(), "mallory", seven.action(), seven.subject(),
                seven.details(), seven.prevHash(), seven.hash());
        entries.set(6, edited);
        assertEquals(7, AuditChain.verify(entries, AuditChain.GENESIS, 1).orElseThrow().seq());

        AuditChain.Entry rehashed = new AuditChain.Entry(7, seven.at(), "mallory", seven.action(), seven.subject(),
                seven.details(), seven.prevHash(), AuditChain.hashOf(edited));
        entries.set(6, rehashed);
        AuditChain.Break broken = AuditChain.verify(entries, AuditChain.GENESIS, 1).orElseThrow();
        assertEquals(8, broken.seq(), "entry 8 still links to the original hash of 7");
        assertTrue(broken.reason().contains("link"));
    }

    @Test
    void aDeletedEntryIsNamed() {
        List<AuditChain.Entry> entries = chain(5);
        entries.remove(2);
        assertEquals(3, AuditChain.verify(entries, AuditChain.GENESIS, 1).orElseThrow().seq());
    }
}
