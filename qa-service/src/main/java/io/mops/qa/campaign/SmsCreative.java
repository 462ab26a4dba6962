package io.mops.qa.campaign;

import jakarta.validation.constraints.Size;

import java.time.LocalTime;

/**
 * One text message.
 *
 * @param sendAt the time of day the message is delivered, in each recipient's local time zone
 */
public record SmsCreative(@Size(max = 1600) String text, LocalTime sendAt) {
}
