package io.mops.qa.campaign;

import jakarta.validation.constraints.Size;

/**
 * One email as the ESP will send it.
 *
 * @param senderName    the "From" display name
 * @param senderAddress the "From" address
 * @param html          the HTML part
 * @param html          the HTML part; at most {@value #MAX_PART_CHARS} characters: Gmail clips messages over 102 KB,
 *                      so anything near the limit is not an email anyone will read whole, and parsing a pathological
 *                      document of megabytes would take seconds
 * @param plainText     the text/plain alternative part
 */
public record EmailCreative(@Size(max = 998) String subject, @Size(max = 998) String preheader,
                            @Size(max = 998) String senderName, @Size(max = 320) String senderAddress,
                            @Size(max = EmailCreative.MAX_PART_CHARS) String html,
                            @Size(max = EmailCreative.MAX_PART_CHARS) String plainText) {

    public static final int MAX_PART_CHARS = 500_000;
}
