package io.mops.common.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Applies {@link RetryWhileDatabaseAway}: each attempt invokes the method again. */
@RetryWhileDatabaseAway
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class OutageRetryInterceptor {

    private final OutageRetry retry;

    public OutageRetryInterceptor(OutageRetry retry) {
        this.retry = retry;
    }

    @AroundInvoke
    Object retryWhileAway(InvocationContext invocation) throws Exception {
        if (!Uni.class.isAssignableFrom(invocation.getMethod().getReturnType())) {
            throw new IllegalStateException("@RetryWhileDatabaseAway needs a method returning Uni: "
                    + invocation.getMethod());
        }
        return retry.untilBack(() -> proceed(invocation));
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> proceed(InvocationContext invocation) {
        try {
            return (Uni<Object>) invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
