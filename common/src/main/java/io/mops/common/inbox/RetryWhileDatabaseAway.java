package io.mops.common.inbox;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Kafka consumer's {@code @Incoming} method returning {@code Uni}: the whole invocation is retried while the
 * database is unavailable, within {@code mops.consumer.database-outage.budget} ({@link OutageRetry}). For methods
 * whose every effect is idempotent by event id; a batch consumer that dead-letters part of a poll uses
 * {@link OutageRetry.Budget} around its transactions instead, so that a retry does not dead-letter twice.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryWhileDatabaseAway {
}
