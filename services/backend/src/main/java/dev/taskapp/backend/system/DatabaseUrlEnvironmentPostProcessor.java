package dev.taskapp.backend.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Maps the deployment's {@code DATABASE_URL} onto {@code spring.datasource.*}; it wins over files. */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty("DATABASE_URL");
        if (value == null || value.isBlank()) {
            return;
        }
        DatabaseUrl url = DatabaseUrl.parse(value);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url.jdbcUrl());
        if (url.username() != null) {
            properties.put("spring.datasource.username", url.username());
        }
        if (url.password() != null) {
            properties.put("spring.datasource.password", url.password());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("DATABASE_URL", properties));
    }
}
