package dev.taskapp.frontend.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.util.DigestUtils;

/**
 * The stylesheet's and htmx's URLs, worked out once at start: the stylesheet's carries a hash of
 * its content and htmx's its WebJar version, so both can be cached by browsers for long. (Spring's
 * resource chain would do the same per link on every page, which costs more than the page itself.)
 * Every page gets them as {@code assets} (getCss(), getHtmx()).
 */
@ControllerAdvice
public class Assets {

    private final String css;
    private final String htmx;

    Assets() {
        this.css = "/css/app.css?v=" + contentHash("static/css/app.css");
        this.htmx = "/webjars/htmx.org/" + webJarVersion("org.webjars.npm", "htmx.org") + "/dist/htmx.min.js";
    }

    @ModelAttribute("assets")
    Assets assets() {
        return this;
    }

    public String getCss() {
        return css;
    }

    public String getHtmx() {
        return htmx;
    }

    private static String contentHash(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return HexFormat.of().formatHex(DigestUtils.md5Digest(in)).substring(0, 12);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String webJarVersion(String groupId, String artifactId) {
        String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("WebJar " + artifactId + " missing", ex);
        }
    }
}
