package dev.taskapp.frontend.backend;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

class BrowserAddressForwardingTest {

    private static final String SIGN_IN = "{\"access_token\":\"jwt\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

    private final RestClient.Builder builder = RestClient.builder();
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final BackendClient backend = new BackendClient(builder, new BackendProperties(URI.create("http://backend")),
            JsonMapper.builder().build());

    @AfterEach
    void leavePage() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void callsForAPageCarryTheBrowsersAddressNotTheChainItSent() {
        MockHttpServletRequest page = new MockHttpServletRequest();
        page.setRemoteAddr("198.51.100.7"); // as Tomcat resolved it
        page.addHeader("X-Forwarded-For", "203.0.113.66, 10.0.0.1"); // written by the browser itself
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(page));

        server.expect(requestTo("http://backend/api/auth/login"))
                .andExpect(header("X-Forwarded-For", "198.51.100.7"))
                .andRespond(withSuccess(SIGN_IN, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://backend/api/auth/register"))
                .andExpect(header("X-Forwarded-For", "198.51.100.7"))
                .andRespond(withSuccess());
        backend.login("alice", "s3cret-pass");
        backend.register("bob", "s3cret-pass");
        server.verify();
    }

    @Test
    void ipv6AddressesArePassedOn() {
        MockHttpServletRequest page = new MockHttpServletRequest();
        page.setRemoteAddr("2001:db8:0:0:0:0:0:7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(page));

        server.expect(requestTo("http://backend/api/auth/login"))
                .andExpect(header("X-Forwarded-For", "2001:db8:0:0:0:0:0:7"))
                .andRespond(withSuccess(SIGN_IN, MediaType.APPLICATION_JSON));
        backend.login("alice", "s3cret-pass");
        server.verify();
    }

    @Test
    void anAddressThatIsNotAnIpLiteralIsNotPassedOn() {
        MockHttpServletRequest page = new MockHttpServletRequest();
        page.setRemoteAddr("unknown, evil\u00e9"); // what a careless proxy's X-Forwarded-For can leave there
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(page));

        server.expect(requestTo("http://backend/api/auth/login")).andExpect(headerDoesNotExist("X-Forwarded-For"))
                .andRespond(withSuccess(SIGN_IN, MediaType.APPLICATION_JSON));
        backend.login("alice", "s3cret-pass");
        server.verify();
    }

    @Test
    void callsOutsideAPageRequestCarryNoAddress() {
        server.expect(requestTo("http://backend/api/health")).andExpect(headerDoesNotExist("X-Forwarded-For"))
                .andRespond(withSuccess());
        backend.healthProblem();
        server.verify();
    }
}
