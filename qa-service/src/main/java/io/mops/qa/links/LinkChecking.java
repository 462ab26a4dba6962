package io.mops.qa.links;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one {@link LinkResolver} of the service, so that its cache and its per-host limits span every run, configured
 * from {@code mops.qa.links.*}.
 */
@ApplicationScoped
public class LinkChecking {

    private final LinkResolver resolver;
    private final LinkCheck check;

    public LinkChecking(LinkCheckConfig config) {
        LinkCheckSettings settings = config.settings();
        this.resolver = new LinkResolver(settings);
        this.check = new LinkCheck(resolver);
        Log.infof("link check %s; allowed hosts %s; tracking hosts %s (%s)", settings.enabled() ? "on" : "off",
                settings.allowedHosts().map(Object::toString).orElse("any"), settings.trackingHosts(),
                settings.trackingRequests());
    }

    public LinkCheck check() {
        return check;
    }

    @PreDestroy
    void close() {
        resolver.close();
    }
}
