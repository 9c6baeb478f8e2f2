package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

/** What `docker inspect` and the running containers show about the hardening in docker-compose.yml. */
@Order(2)
@ExtendWith(ComposeStackExtension.class)
class HardeningE2E {

    static final List<String> SERVICES = ComposeStack.SERVICES;
    static final List<String> APPS = List.of("backend", "frontend");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void rootFilesystemIsReadOnlyWithTmpfsForTmp(String service, ComposeStack stack) {
        JsonNode host = stack.inspect(service).get("HostConfig");

        assertThat(host.get("ReadonlyRootfs").asBoolean()).isTrue();
        assertThat(host.get("Tmpfs").has("/tmp")).as("tmpfs on /tmp").isTrue();
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void writingOutsideTmpIsRefused(String service, ComposeStack stack) {
        CommandResult write = stack.compose("exec", "-T", service, "touch", "/app/written-by-e2e");

        assertThat(write.exitCode()).isNotZero();
        assertThat(write.stderr()).contains("Read-only file system");
        assertThat(stack.compose("exec", "-T", service, "touch", "/tmp/written-by-e2e").exitCode()).isZero();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void noProcessRunsAsRoot(String service, ComposeStack stack) {
        // docker top runs ps on the host for the container's processes (it needs the pid column).
        List<String> uids = Commands.docker("top", stack.containerId(service), "-eo", "pid,uid").orThrow()
                .stdout().lines().skip(1).map(line -> line.trim().split("\\s+")[1]).toList();

        assertThat(uids).isNotEmpty().doesNotContain("0");
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void appsRunAsTheImagesNumericUser(String service, ComposeStack stack) {
        assertThat(stack.inspect(service).at("/Config/User").asString()).isEqualTo("10001:10001");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void capabilitiesPrivilegesAndResourcesAreLimited(String service, ComposeStack stack) {
        JsonNode host = stack.inspect(service).get("HostConfig");

        assertThat(host.get("CapDrop").valueStream().map(JsonNode::asString)).contains("ALL");
        assertThat(host.get("SecurityOpt").valueStream().map(JsonNode::asString)).contains("no-new-privileges:true");
        assertThat(host.get("Memory").asLong()).as("memory limit").isPositive();
        assertThat(host.get("PidsLimit").asLong()).as("pids limit").isPositive();
        Set<String> allowedCapabilities = service.equals("db")
                ? Set.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID", "CAP_CHOWN", "CAP_DAC_OVERRIDE",
                        "CAP_FOWNER", "CAP_SETGID", "CAP_SETUID")
                : Set.of();
        JsonNode added = host.get("CapAdd");
        List<String> capAdd = added == null || added.isNull() ? List.of() : added.valueStream().map(JsonNode::asString).toList();
        assertThat(capAdd).isSubsetOf(allowedCapabilities);
    }

    @Test
    void databasePortIsNotPublished(ComposeStack stack) {
        JsonNode db = stack.inspect("db");

        assertThat(db.at("/HostConfig/PortBindings").isEmpty()).as("db port bindings").isTrue();
        JsonNode published = db.at("/NetworkSettings/Ports/5432~1tcp");
        assertThat(published.isNull() || published.isEmpty()).as("host ports of 5432/tcp: " + published).isTrue();
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void appPortsAreBoundToLoopbackOnly(String service, ComposeStack stack) {
        JsonNode bindings = stack.inspect(service).at("/HostConfig/PortBindings");

        assertThat(bindings.isEmpty()).isFalse();
        bindings.values().forEach(list -> list.values().forEach(binding ->
                assertThat(binding.get("HostIp").asString()).isEqualTo("127.0.0.1")));
    }
}
