package nl.postbrug.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RequestOriginsTests {

	private static RequestOrigins trusting(String... proxies) {
		return new RequestOrigins(new AuditSettings(Duration.ofMinutes(10), Path.of("anchors"), null, null, null, false,
				List.of(proxies), Duration.ofDays(366)));
	}

	private static MockHttpServletRequest request(String uri, String remote, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setRemoteAddr(remote);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

	@Test
	void theApiAndThePagesAreTwoChannelsWithTheConnectionsAddress() {
		assertThat(trusting().of(request("/api/v1/messages", "192.0.2.10", null))).isEqualTo(Origin.api("192.0.2.10"));
		assertThat(trusting().of(request("/compose", "192.0.2.10", null))).isEqualTo(Origin.web("192.0.2.10"));
	}

	@Test
	void aForwardedHeaderFromAnUntrustedPeerIsIgnored() {
		assertThat(trusting().of(request("/api/v1/scans", "192.0.2.10", "203.0.113.5")))
			.isEqualTo(Origin.api("192.0.2.10"));
	}

	@Test
	void behindATrustedProxyTheNearestUntrustedForwardedAddressIsTheClient() {
		// the left entry was written by the client itself and proves nothing
		assertThat(trusting("10.0.0.2", "10.0.0.3")
			.of(request("/api/v1/scans", "10.0.0.2", "198.51.100.1, 203.0.113.5, 10.0.0.3")))
			.isEqualTo(Origin.api("203.0.113.5"));
		assertThat(trusting("10.0.0.2").of(request("/review", "10.0.0.2", "2001:db8::7")))
			.isEqualTo(Origin.web("2001:db8::7"));
	}

	@Test
	void aForwardedValueThatIsNoAddressIsNotBelieved() {
		assertThat(trusting("10.0.0.2").of(request("/api/v1/scans", "10.0.0.2", "<script>")))
			.isEqualTo(Origin.api("10.0.0.2"));
	}

	@Test
	void outsideARequestTheOriginIsTheSystem() {
		assertThat(trusting().current()).isEqualTo(Origin.SYSTEM);
	}

}
