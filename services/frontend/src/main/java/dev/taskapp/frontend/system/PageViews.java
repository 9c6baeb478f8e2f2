package dev.taskapp.frontend.system;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/** View names ("tasks/list", "error/404") resolve to {@link PageView}s instead of the JTE starter's plain views. */
@Configuration(proxyBeanMethods = false)
public class PageViews {

    @Bean
    JteViewResolver pageViewResolver(TemplateEngine templates, JteProperties properties) {
        return new JteViewResolver(templates, properties) {

            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new PageView(templates);
            }
        };
    }
}
