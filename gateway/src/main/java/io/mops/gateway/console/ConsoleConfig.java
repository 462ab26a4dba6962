package io.mops.gateway.console;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "mops.console")
public interface ConsoleConfig {

    /** Key of the HMAC that signs CSRF tokens; 32+ characters outside local runs. */
    String csrfSecret();
}
