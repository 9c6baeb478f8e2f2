package dev.taskapp.frontend.system;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import org.springframework.boot.autoconfigure.template.TemplateAvailabilityProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Tells Spring Boot's error pages which views exist as precompiled JTE templates (the starter does not),
 * so a 404 or 403 shows error/404 or error/403 and anything else the generic "error" page, not the
 * Whitelabel one. Registered in META-INF/spring.factories.
 */
public class JteTemplateAvailability implements TemplateAvailabilityProvider {

    @Override
    public boolean isTemplateAvailable(String view, Environment environment, ClassLoader classLoader,
            ResourceLoader resourceLoader) {
        String suffix = environment.getProperty("gg.jte.template-suffix", ".jte");
        return TemplateEngine.createPrecompiled(null, ContentType.Html, classLoader).hasTemplate(view + suffix);
    }
}
