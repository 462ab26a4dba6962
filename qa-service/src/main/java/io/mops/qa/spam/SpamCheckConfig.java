package io.mops.qa.spam;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code mops.qa.spam.*}: where qa-service finds spamd (docs/qa.md, "Spam score"). */
@ConfigMapping(prefix = "mops.qa.spam")
public interface SpamCheckConfig {

    /** Score emails at all; when off, every email run says it was not scored. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("127.0.0.1")
    String host();

    /** spamd's own default is 783; {@code ./mops} starts it on {@code MOPS_SPAMD_PORT} (7783). */
    @WithDefault("783")
    int port();

    @WithDefault("2s")
    Duration connectTimeout();

    /** The whole exchange: spamd takes about a second for a newsletter with the local rules on a busy machine. */
    @WithDefault("15s")
    Duration timeout();
}
