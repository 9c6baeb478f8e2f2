package dev.taskapp.frontend;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.taskapp.frontend.backend.BackendClient;
import dev.taskapp.frontend.backend.BackendHealthProbe;
import dev.taskapp.frontend.system.PageViews;
import dev.taskapp.frontend.system.SecurityConfig;
import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;

/**
 * The web layer (all controllers, templates, security) with the backend stubbed; @WebMvcTest does not
 * bring JTE's auto-configuration by itself, so it is imported with the pages' view resolver. Every test class
 * uses this one annotation, so they share a single Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@ImportAutoConfiguration(JteAutoConfiguration.class)
@Import({ SecurityConfig.class, PageViews.class })
@MockitoBean(types = { BackendClient.class, BackendHealthProbe.class })
public @interface FrontendWebTest {
}
