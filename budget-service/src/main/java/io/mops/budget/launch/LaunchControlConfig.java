package io.mops.budget.launch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** Launch control (docs/budget.md, "Launch control"): {@code mops.budget.launch-control=ENFORCE|FLAG|OFF}. */
@ConfigMapping(prefix = "mops.budget.launch-control")
public interface LaunchControlConfig {

    /**
     * {@code FLAG} by default: the demo data, the simulator and the end-to-end flows create and fund campaigns without
     * running them through QA, which {@code ENFORCE} would refuse (and the tests run with {@code OFF}, see
     * application.properties). A deployment whose campaigns all go through QA sets {@code ENFORCE}.
     */
    @WithParentName
    @WithDefault("FLAG")
    LaunchControl mode();
}
