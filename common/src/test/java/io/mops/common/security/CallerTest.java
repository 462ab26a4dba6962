package io.mops.common.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerTest {

    private final Caller coe = new Caller("carol", Set.of(Roles.COE), Optional.empty());
    private final Caller searchTeam = new Caller("service-account-channel-search", Set.of(Roles.CHANNEL_TEAM),
            Optional.of("search"));
    private final Caller approver = new Caller("alice", Set.of(Roles.APPROVER), Optional.empty());

    @Test
    void coeReachesEveryChannelAndIsConfinedToNone() {
        assertTrue(coe.mayAccess("search"));
        assertTrue(coe.mayAccess("social"));
        assertEquals(Optional.empty(), coe.confinedToChannel());
    }

    @Test
    void channelTeamReachesOnlyItsOwnChannel() {
        assertTrue(searchTeam.mayAccess("search"));
        assertFalse(searchTeam.mayAccess("social"));
        assertEquals(Optional.of("search"), searchTeam.confinedToChannel());
    }

    @Test
    void channelClaimWithoutTheChannelTeamRoleGrantsNothing() {
        Caller claimOnly = new Caller("mallory", Set.of(), Optional.of("search"));
        assertFalse(claimOnly.mayAccess("search"));
        assertThrows(Caller.NoChannelAccessException.class, claimOnly::confinedToChannel);
    }

    @Test
    void channelTeamWithoutAChannelClaimSeesNothing() {
        Caller unassigned = new Caller("new-team", Set.of(Roles.CHANNEL_TEAM), Optional.of(" "));
        assertFalse(unassigned.mayAccess("search"));
        assertThrows(Caller.NoChannelAccessException.class, unassigned::confinedToChannel);
    }

    @Test
    void approverIsNoChannelMember() {
        assertFalse(approver.mayAccess("search"));
        assertThrows(Caller.NoChannelAccessException.class, approver::confinedToChannel);
    }
}
