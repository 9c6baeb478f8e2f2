package dev.taskapp.backend.auth;

import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.catalina.Valve;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address behind proxies (server.forward-headers-strategy=native): X-Forwarded-For is
 * believed only from loopback/private peers, and no header value, however odd, breaks a request.
 * That the per-address limit then counts each forwarded client separately is scenario 7
 * (LoginBruteForceScenarioTests).
 */
@IntegrationTest
class ClientAddressIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    WebServerApplicationContext context;

    @Test
    void onlyLoopbackAndPrivatePeersAreTrustedToForwardTheClientAddress() throws UnknownHostException {
        RemoteIpValve valve = remoteIpValve();
        assertThat(valve.getRemoteIpHeader()).isEqualToIgnoringCase("X-Forwarded-For");
        assertThat(valve.getTrustedProxies()).isNull();
        // The frontend or an Ingress controller in Compose / Kubernetes: believed.
        for (String peer : new String[] {"127.0.0.1", "::1", "172.18.0.3", "10.244.1.7", "192.168.1.20", "fd12::5"}) {
            assertThat(isInternalProxy(valve, peer)).as("%s is a trusted proxy", peer).isTrue();
        }
        // A client from the internet: its X-Forwarded-For is ignored, its own address counts.
        for (String peer : new String[] {"203.0.113.7", "8.8.8.8", "172.32.0.1", "2001:db8::1"}) {
            assertThat(isInternalProxy(valve, peer)).as("%s is not a trusted proxy", peer).isFalse();
        }
    }

    @Test
    void malformedForwardedHeadersNeverBreakALogin() {
        Api proxy = new Api(port, "127.0.0.91");
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("empty", Map.of("X-Forwarded-For", ""));
        cases.put("only commas", Map.of("X-Forwarded-For", " , ,,"));
        cases.put("not an address", Map.of("X-Forwarded-For", "not an ip"));
        cases.put("mixed chain", Map.of("X-Forwarded-For", "999.1.1.1, [::1]:80, unknown, ::1"));
        cases.put("very long chain", Map.of("X-Forwarded-For", String.join(",", java.util.Collections.nCopies(400, "10.0.0.1"))));
        cases.put("odd proto, host and port", Map.of("X-Forwarded-For", "198.51.100.20", "X-Forwarded-Proto", "gopher",
                "X-Forwarded-Host", "bad host:99999", "X-Forwarded-Port", "not-a-port"));
        cases.forEach((name, headers) -> {
            Response response = proxy.send("POST", "/api/auth/login", null,
                    "{\"username\":\"nobody-" + name.replace(' ', '-') + "\",\"password\":\"wrong-guess\"}", headers);
            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(401);
            assertThat(response.header("Content-Type")).as(name).isEqualTo("application/problem+json");
        });
    }

    private RemoteIpValve remoteIpValve() {
        Valve[] valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();
        return Arrays.stream(valves).filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no RemoteIpValve: forwarded headers are off"));
    }

    /** The valve's own rule: a CIDR list (Spring Boot's default) or else a regular expression. */
    private static boolean isInternalProxy(RemoteIpValve valve, String address) throws UnknownHostException {
        String internalProxies = valve.getInternalProxies();
        return internalProxies.indexOf('/') > 0 ? NetMaskSet.parse(internalProxies).contains(address)
                : Pattern.compile(internalProxies).matcher(address).matches();
    }
}
