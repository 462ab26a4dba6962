package io.mops.common.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, reduced to what channel scoping needs. The CoE sees and changes every channel; a channel
 * team only its own; anyone else no channel at all.
 */
public record Caller(String name, Set<String> roles, Optional<String> channel) {

    public Caller {
        roles = Set.copyOf(roles);
        channel = channel.filter(c -> !c.isBlank());
    }

    public boolean isCoe() {
        return roles.contains(Roles.COE);
    }

    public boolean mayAccess(String targetChannel) {
        if (isCoe()) {
            return true;
        }
        return roles.contains(Roles.CHANNEL_TEAM) && channel.map(own -> own.equals(targetChannel)).orElse(false);
    }

    /**
     * The single channel this caller is confined to, or empty when it may see all channels. A caller who may see
     * no channel at all gets {@link NoChannelAccessException}.
     */
    public Optional<String> confinedToChannel() {
        if (isCoe()) {
            return Optional.empty();
        }
        if (roles.contains(Roles.CHANNEL_TEAM) && channel.isPresent()) {
            return channel;
        }
        throw new NoChannelAccessException(name);
    }

    public static class NoChannelAccessException extends RuntimeException {
        public NoChannelAccessException(String name) {
            super(name + " belongs to no channel team");
        }
    }
}
