package io.mops.qa.spam;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/** The service's {@link SpamCheck}, talking to the spamd that {@code mops.qa.spam.*} names. */
@ApplicationScoped
public class SpamChecking {

    private final SpamCheck check;

    public SpamChecking(SpamCheckConfig config) {
        SpamdClient client = new SpamdClient(config.host(), config.port(), config.connectTimeout(), config.timeout());
        this.check = new SpamCheck(client, config.enabled());
        Log.infof("spam score %s (%s)", config.enabled() ? "on" : "off", client.describe());
    }

    public SpamCheck check() {
        return check;
    }
}
