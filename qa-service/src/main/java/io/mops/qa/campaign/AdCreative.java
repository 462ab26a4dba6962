package io.mops.qa.campaign;

import jakarta.validation.constraints.Size;

import java.util.List;

/** A search, social or display ad: its headline variants and body copy. */
public record AdCreative(@Size(max = 50) List<@Size(max = 300) String> headlines, @Size(max = 5000) String body) {

    public AdCreative {
        headlines = Lists.present(headlines);
    }
}
