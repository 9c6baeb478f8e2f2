package dev.taskapp.backend.task;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters use the API's lower-case values: ?status=in_progress&priority=high. */
@Configuration(proxyBeanMethods = false)
class TaskWebConfig implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, TaskStatus.class, TaskStatus::fromValue);
        registry.addConverter(String.class, TaskPriority.class, TaskPriority::fromValue);
    }
}
