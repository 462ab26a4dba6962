package io.mops.budget.activation;

/**
 * A request to an ad platform as it will be sent, without its credentials (added when sending, never stored).
 *
 * @param url  the whole URL, with the platform's base URL and API version
 * @param body exactly the bytes sent, as text
 */
public record PlatformRequest(String method, String url, String contentType, String body) {
}
