package com.clinicfaq.search;

import com.clinicfaq.knowledge.CurrentKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    @Bean
    Embedder embedder() {
        return OnnxEmbedder.allMiniLmL6V2();
    }

    @Bean(destroyMethod = "close")
    AnswerEngine answerEngine(CurrentKnowledge knowledge, Embedder embedder, SearchProperties properties) {
        AnswerEngine engine = new AnswerEngine(
                knowledge.knowledge(),
                new QuestionVectors(embedder, properties.rememberedQuestions()),
                Scoring.CALIBRATED);
        AnswerEngine.IndexStats stats = engine.stats();
        log.info(
                "Indexed {} knowledge items ({} documents) in {} ms",
                stats.items(),
                stats.documents(),
                stats.buildMillis());
        return engine;
    }
}
