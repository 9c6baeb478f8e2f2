package dev.taskapp.frontend.backend;

import java.io.IOException;
import java.net.InetAddress;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells the backend which browser a call is for: {@code X-Forwarded-For: <browser address>}, so its
 * per-address login limit counts each browser, not this frontend's one address for all of them.
 * The address is this server's own {@code getRemoteAddr()}, which Tomcat's RemoteIpValve has already
 * taken from X-Forwarded-For only when the peer is a trusted proxy (server.forward-headers-strategy);
 * a chain the browser wrote itself is never passed on. Only an IP literal is sent, so an odd value a
 * proxy put there makes no odd header here. Calls outside a page request (health probe) carry none.
 */
class BrowserAddressForwarding implements ClientHttpRequestInterceptor {

    static final String HEADER = "X-Forwarded-For";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String address = browserAddress();
        if (address != null) {
            request.getHeaders().set(HEADER, address);
        }
        return execution.execute(request, body);
    }

    private static String browserAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page) {
            String address = page.getRequest().getRemoteAddr();
            return isIpLiteral(address) ? address : null;
        }
        return null;
    }

    private static boolean isIpLiteral(String address) {
        try {
            return address != null && InetAddress.ofLiteral(address) != null;
        }
        catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }
}
