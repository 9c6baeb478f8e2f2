package dev.taskapp.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * One real PostgreSQL (embedded binaries, random port) for the whole test JVM. Import this into
 * a test to point spring.datasource at it. It can be stopped and started again on the same port
 * and data, to test how the app lives through a database outage.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static Path dataDirectory;
    private static int port;

    @Bean
    static DynamicPropertyRegistrar testDatabaseProperties() {
        return registry -> {
            registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
            registry.add("spring.datasource.username", () -> "postgres");
        };
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            start();
        }
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Starts the database; after {@link #stop()} it comes back on the same port with the same data. */
    public static synchronized void start() {
        try {
            if (dataDirectory == null) {
                dataDirectory = Files.createTempDirectory("taskapp-test-pg");
                Files.delete(dataDirectory); // let initdb create it
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::shutdown));
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false);
            if (port != 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static synchronized void shutdown() {
        try {
            if (postgres != null) {
                postgres.close();
            }
            if (dataDirectory != null && Files.exists(dataDirectory)) {
                try (Stream<Path> files = Files.walk(dataDirectory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
