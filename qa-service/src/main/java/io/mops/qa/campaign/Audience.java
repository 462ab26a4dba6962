package io.mops.qa.campaign;

import java.util.List;

/**
 * Who receives the campaign.
 *
 * @param size         number of recipients (or reachable people for ads)
 * @param regions      ISO 3166-1 alpha-2 country codes of the recipients, e.g. {@code US}, {@code DE}, {@code CA}
 * @param targeting    targeting criteria as the ad platform or ESP names them, e.g. {@code interest:running}
 * @param consentBasis on what ground the recipients may be contacted: {@code express-consent},
 *                     {@code implied-consent}, {@code soft-opt-in}, {@code none}
 */
public record Audience(Long size, List<String> regions, List<String> targeting, String consentBasis) {

    static final Audience UNKNOWN = new Audience(null, List.of(), List.of(), null);

    public Audience {
        regions = Lists.present(regions).stream().map(r -> r.trim().toUpperCase(java.util.Locale.ROOT)).toList();
        targeting = Lists.present(targeting);
    }
}
