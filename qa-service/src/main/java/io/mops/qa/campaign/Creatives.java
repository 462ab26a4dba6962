package io.mops.qa.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * What the recipients see. Which creative a channel needs is decided by the rule set (email needs {@link #email},
 * sms needs {@link #sms}, ad channels need {@link #ad} and a {@link #landingPageUrl}).
 */
public record Creatives(@Valid EmailCreative email, @Valid AdCreative ad, @Valid SmsCreative sms,
                        @Size(max = 2048) String landingPageUrl) {
}
