package dev.taskapp.backend.system;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void seedFormBecomesJdbcUrlWithCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://taskapp_user:devpassword123@db:5432/taskmanagement_db");
        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://db:5432/taskmanagement_db", "taskapp_user",
                "devpassword123"));
    }

    @Test
    void userAndPasswordArePercentDecodedAndPlusStaysPlus() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://us%40er:p%3Ass%2Fw+rd%25@10.0.0.5/app?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5/app?sslmode=require");
        assertThat(url.username()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p:ss/w+rd%");
    }

    /** Issue 13: URI leaves the host of "task_db" null, and the URL was refused as having no host. */
    @Test
    void hostNamesWithUnderscoresAndIpv6LiteralsAreAccepted() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@task_db:5432/app").jdbcUrl())
                .isEqualTo("jdbc:postgresql://task_db:5432/app");
        assertThat(DatabaseUrl.parse("postgresql://u:p@my_stack-db_1/app").jdbcUrl())
                .isEqualTo("jdbc:postgresql://my_stack-db_1/app");
        assertThat(DatabaseUrl.parse("postgresql://u:p@[2001:db8::5]:5432/app").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[2001:db8::5]:5432/app");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@/app")).hasMessageContaining("host");
    }

    @Test
    void jdbcUrlIsTakenAsItIs() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db:5432/app?user=a&password=b"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://db:5432/app?user=a&password=b", null, null));
    }

    @Test
    void invalidUrlIsRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://user:s3cr3t pass@db/app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db/app")).hasMessageContaining("DATABASE_URL");
    }

    @Test
    void environmentPostProcessorOverridesDatasourceSettings() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("files", Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost/other",
                "DATABASE_URL", "postgresql://u:p%21@db:5432/tasks")));
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/tasks");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("u");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("p!");
    }
}
