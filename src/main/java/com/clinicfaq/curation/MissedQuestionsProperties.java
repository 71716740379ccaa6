package com.clinicfaq.curation;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What counts as a missed question, for the analytics page, the metrics and the unanswered questions alike.
 * The property keeps the name it had when only analytics used it.
 *
 * @param lowConfidence an answer whose confidence is below this counts as not answered. The engine
 *     answers from 0.74 on its hybrid scale (docs/evaluation.md), so the default 0.8 singles out the
 *     answers it nearly declined; answers it took from the words alone carry a BM25 score of 3 or
 *     more and are never low.
 */
@Validated
@ConfigurationProperties("clinicfaq.analytics")
public record MissedQuestionsProperties(@DefaultValue("0.8") @PositiveOrZero double lowConfidence) {}
