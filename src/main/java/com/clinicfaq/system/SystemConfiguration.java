package com.clinicfaq.system;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cross-cutting beans only. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SystemConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SystemConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The data folders, readable by the service's user only, before anything opens the database in them. */
    @Bean
    static BeanFactoryPostProcessor dataFolders(Environment environment) {
        return beanFactory -> DataFolders.of(environment).secure();
    }

    /** Once started, again for the files: H2 creates its database file on the first start. */
    @Bean
    ApplicationRunner dataFilesOnceStarted(Environment environment) {
        return args -> DataFolders.of(environment).secure();
    }

    /**
     * Says on start whose {@code X-Forwarded-For} and {@code -Proto} are believed: the address they name is what the
     * chat's limits and the login throttle count, so believing the wrong client lets it pass for anyone (README,
     * "Behind a reverse proxy").
     */
    @Bean
    ApplicationRunner forwardedHeaders(Environment environment) {
        return args -> {
            String strategy = environment.getProperty("server.forward-headers-strategy", "none");
            String proxies = environment.getProperty("server.tomcat.remoteip.internal-proxies");
            String trusted = environment.getProperty("server.tomcat.remoteip.trusted-proxies", "");
            if (strategy.equalsIgnoreCase("framework")) {
                log.warn(
                        "X-Forwarded-For and -Proto are believed from every client (server.forward-headers-strategy=framework);"
                                + " use native with server.tomcat.remoteip.internal-proxies naming the reverse proxies");
            } else if (!strategy.equalsIgnoreCase("native")) {
                log.info("X-Forwarded-For and -Proto are ignored (server.forward-headers-strategy={})", strategy);
            } else if (proxies == null) {
                log.warn(
                        "X-Forwarded-For and -Proto are believed from every private and loopback address (Tomcat's default);"
                                + " set server.tomcat.remoteip.internal-proxies to the reverse proxies' addresses");
            } else if (proxies.isBlank() && trusted.isBlank()) {
                log.info("X-Forwarded-For and -Proto are believed from no client: no reverse proxy is named"
                        + " (server.tomcat.remoteip.internal-proxies)");
            } else {
                log.info(
                        "X-Forwarded-For and -Proto are believed from the reverse proxies {}",
                        trusted.isBlank() ? proxies : proxies + " and " + trusted);
            }
        };
    }
}
