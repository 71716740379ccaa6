package com.clinicfaq.search;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The answer engine's settings.
 *
 * @param rememberedQuestions vectors of up to this many questions are kept, often asked ones first (by a digest of
 *     their text, never the text), so that a question asked again is not embedded again; {@code 0} keeps none
 *     (docs/benchmarks.md)
 */
@Validated
@ConfigurationProperties("clinicfaq.search")
record SearchProperties(
        @DefaultValue("10000") @PositiveOrZero int rememberedQuestions) {}
