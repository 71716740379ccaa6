package com.clinicfaq;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ClinicFaqApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClinicFaqApplication.class, args);
    }
}
