package com.clinicfaq.site;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Practices paste a URL without a version in it, so browsers and CDNs may keep the script for an hour
 * and then revalidate it (Last-Modified): a fix reaches every practice's page within the hour.
 */
@Configuration(proxyBeanMethods = false)
class WidgetResourceConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/widget/**")
                .addResourceLocations("classpath:/static/widget/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1))
                        .cachePublic()
                        .staleWhileRevalidate(Duration.ofDays(1)));
    }
}
