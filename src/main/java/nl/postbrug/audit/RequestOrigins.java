package nl.postbrug.audit;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The origin of the change being audited. The listeners run in the thread that made the
 * change, so a change made while serving an HTTP request finds that request here; any
 * other thread is the service's own scheduled or event-driven work.
 */
@Component
class RequestOrigins {

	// An address is digits, hex letters, dots and colons (IPv4, IPv6); anything else in
	// a forwarded header is not believed.
	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

	private final Set<String> trustedProxies;

	RequestOrigins(AuditSettings settings) {
		this.trustedProxies = Set.copyOf(settings.trustedProxies());
	}

	Origin current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return of(servlet.getRequest());
		}
		return Origin.SYSTEM;
	}

	Origin of(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String address = clientAddress(request);
		return path.startsWith("/api/") ? Origin.api(address) : Origin.web(address);
	}

	/**
	 * The connection's address, unless it is a trusted proxy: then the nearest address in
	 * {@code X-Forwarded-For} that is not itself a trusted proxy. Entries further left
	 * were written by whoever sent the request and prove nothing.
	 */
	String clientAddress(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		if (!trustedProxies.contains(address)) {
			return address;
		}
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null) {
			return address;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (!ADDRESS.matcher(hop).matches()) {
				return address;
			}
			if (!trustedProxies.contains(hop)) {
				return hop;
			}
		}
		return address;
	}

}
