package io.mops.approval;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "mops.approval")
public interface ApprovalConfig {

    /** Request kinds policies may name; other services add theirs here. */
    Set<String> kinds();

    /** Where the console shows a request; mails and webhooks link to {@code <console-url>/<id>}. */
    String consoleUrl();

    /** How often reminders, escalations, expiries and the digest are looked for, by the platform's clock. */
    Duration sweepInterval();

    Fallback fallback();

    Directory directory();

    Notifications notifications();

    Incidents incidents();

    /** Incidents (kind {@code Incident}): a CoE person acknowledges each; unacknowledged past due, it escalates. */
    interface Incidents {
        /** How long after arrival an incident's acknowledgement is due. */
        @WithDefault("PT30M")
        Duration acknowledgeWithin();

        /** The group told when an incident is not acknowledged in time. */
        @WithDefault("coe-leads")
        String escalateTo();
    }

    /** The policy that applies when none of the CoE's policies matches a request. */
    interface Fallback {
        /** Above this amount (in the request's currency) two different approvers are needed. */
        BigDecimal secondApproverAbove();

        /** The group or realm role whose members decide. */
        @WithDefault("approver")
        String group();

        /** Requests expire undecided after this, unless the requester set an earlier expiry. */
        Optional<Duration> expiresAfter();
    }

    /** Keycloak's admin API, read with a service account that may view users and query groups. */
    interface Directory {
        String realmUrl();

        String clientId();

        String clientSecret();

        /** How often groups and members are read again. */
        Duration refresh();
    }

    interface Notifications {
        /** Sender address of approval mails. */
        String from();

        /** How often waiting mails and webhook deliveries are sent. */
        Duration interval();

        /** Daily digests go out at this hour (UTC, by the platform's clock). */
        @WithDefault("7")
        int digestHour();

        /** Webhook retries: first wait, doubled after each failure up to the cap, given up after max attempts. */
        Duration webhookBackoff();

        Duration webhookBackoffCap();

        int webhookMaxAttempts();

        /** Timeout of one webhook call. */
        Duration webhookTimeout();
    }
}
