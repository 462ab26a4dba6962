package io.mops.common.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Channel scoping for the current request, enforced in every service (not only at the gateway): a team must
 * never read or change another team's data.
 */
@RequestScoped
public class ChannelScope {

    private final SecurityIdentity identity;

    public ChannelScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller caller() {
        Optional<String> channel = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            channel = Optional.ofNullable(jwt.<Object>getClaim(Roles.CHANNEL_CLAIM)).map(Object::toString);
        }
        return new Caller(identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(),
                identity.getRoles(), channel);
    }

    /** @throws ForbiddenException when the caller may not touch {@code channel} */
    public void requireAccess(String channel) {
        Caller caller = caller();
        if (!caller.mayAccess(channel)) {
            throw new ForbiddenException(caller.channel()
                    .map(own -> "callers of channel '" + own + "' may not access channel '" + channel + "'")
                    .orElse("only the CoE or the '" + channel + "' channel team may access channel '" + channel + "'"));
        }
    }

    /**
     * The channel a listing is narrowed to: the one the caller names (once it may access it), else the one the caller
     * is confined to, else empty for all channels.
     *
     * @param named the channel the caller asked for, or {@code null}
     */
    public Optional<String> visibleChannel(String named) {
        if (named == null) {
            return visibleChannel();
        }
        requireAccess(named);
        return Optional.of(named);
    }

    /** The channel the caller is confined to when listing, or empty for all channels. */
    public Optional<String> visibleChannel() {
        try {
            return caller().confinedToChannel();
        } catch (Caller.NoChannelAccessException e) {
            throw new ForbiddenException(e.getMessage());
        }
    }
}
