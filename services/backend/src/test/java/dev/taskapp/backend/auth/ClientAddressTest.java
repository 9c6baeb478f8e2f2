package dev.taskapp.backend.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void ipv4IsKeptWhole() {
        assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6IsKeyedByItsSlash64InAnyNotation() {
        String key = ClientAddress.key("2001:db8:1:2::1");
        assertThat(key).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo(key);
        assertThat(ClientAddress.key("[2001:db8:1:2::99]")).isEqualTo(key);
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(key);
        assertThat(ClientAddress.key("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    }

    @Test
    void whatIsNotALiteralIsUsedAsItIsAndNeverResolved() {
        assertThat(ClientAddress.key("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
        assertThat(ClientAddress.key("example.com")).isEqualTo("example.com");
        assertThat(ClientAddress.key(null)).isEmpty();
    }
}
