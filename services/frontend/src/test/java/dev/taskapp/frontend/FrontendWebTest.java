package dev.taskapp.frontend;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.taskapp.frontend.backend.BackendClient;
import dev.taskapp.frontend.backend.BackendHealthProbe;
import dev.taskapp.frontend.system.SecurityConfig;

/**
 * The web layer (all controllers, templates, security) with the backend stubbed. Every test class
 * uses this one annotation, so they share a single Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import(SecurityConfig.class)
@MockitoBean(types = { BackendClient.class, BackendHealthProbe.class })
public @interface FrontendWebTest {
}
