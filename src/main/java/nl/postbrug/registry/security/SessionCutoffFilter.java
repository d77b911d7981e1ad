package nl.postbrug.registry.security;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session that began before its account signed out everywhere: the session is
 * invalidated and the browser sent to the sign-in page. A session learns when it began at
 * its first signed-in request.
 */
class SessionCutoffFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = SessionCutoffFilter.class.getName() + ".signedInAt";

	private final ObjectProvider<SessionCutoff> cutoffs;

	/**
	 * Looked up per request: a web test slice without a database has no cutoffs, and so
	 * no sign-out everywhere.
	 */
	SessionCutoffFilter(ObjectProvider<SessionCutoff> cutoffs) {
		this.cutoffs = cutoffs;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		SessionCutoff cutoff = cutoffs.getIfAvailable();
		if (cutoff != null && session != null && authentication != null
				&& authentication.getPrincipal() instanceof PostbrugUser user) {
			Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
			if (signedInAt == null) {
				signedInAt = cutoff.now();
				session.setAttribute(SIGNED_IN_AT, signedInAt);
			}
			Instant ended = cutoff.of(user.getUsername()).orElse(null);
			if (ended != null && signedInAt.isBefore(ended)) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				response.sendRedirect(request.getContextPath() + "/login?logout");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
