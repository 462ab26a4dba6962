package io.mops.gateway.routing;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Whatever no route, page or endpoint answered is a 404 in the platform's problem+json shape. */
@ApplicationScoped
public class UnmatchedRoute {

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> GatewayProblems.send(ctx, 404, "Not Found",
                "nothing is served at " + ctx.request().path()));
    }
}
