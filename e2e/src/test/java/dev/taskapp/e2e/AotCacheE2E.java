package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The images' JDK AOT cache (trained in the image by the build, services/pom.xml) is really used by
 * the running services, and a cache the JVM cannot use does not stop a container from starting.
 */
@Order(2)
@ExtendWith(ComposeStackExtension.class)
class AotCacheE2E {

    static final List<String> APPS = List.of("backend", "frontend");
    static final String CACHE = "/app/aot/app.aot";

    /** The JVM maps the cache file into memory when it accepts it; a rejected cache is never mapped. */
    @ParameterizedTest
    @FieldSource("APPS")
    void runningServiceMapsTheImagesAotCache(String service, ComposeStack stack) {
        String maps = stack.compose("exec", "-T", service, "cat", "/proc/1/maps").orThrow().stdout();

        assertThat(maps).as("%s's JVM mappings: is %s an image built by `./mvnw verify` (package alone builds"
                + " no AOT cache)?", service, stack.image(service)).contains(CACHE);
    }

    /**
     * Flags that do not match the cache (here: no compressed oops) make the JVM run without it: the
     * Spring context still starts (spring.context.exit=onRefresh exits with 0 only after a refresh
     * that succeeded).
     */
    @Test
    void aCacheTheJvmCannotUseIsSkipped(ComposeStack stack) {
        CommandResult run = Commands.run(List.of("docker", "run", "--rm", "--memory", "384m",
                "-e", "JAVA_TOOL_OPTIONS=-XX:-UseCompressedOops -Dspring.context.exit=onRefresh",
                stack.image("frontend")), Map.of(), Duration.ofMinutes(2));
        String output = run.stdout() + run.stderr();

        assertThat(run.exitCode()).as(output).isZero();
        assertThat(output).contains("Unable to use AOT cache").contains("Root WebApplicationContext: initialization completed");
    }
}
