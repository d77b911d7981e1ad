package nl.postbrug.registry.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The page session of an account that needs its second factor is held at the door until
 * the code is given (or, for an administrator or auditor without one yet, until one is
 * enrolled): after the password, the session is marked, and while it is marked every page
 * but the code page (or the enrolment page) and sign-out sends the browser there.
 */
class SecondFactorGate extends OncePerRequestFilter implements AuthenticationSuccessHandler {

	static final String PENDING = SecondFactorGate.class.getName() + ".pending";

	static final String CODE_PAGE = "/login/code";

	static final String ENROL_PAGE = "/account/second-factor";

	private static final List<String> ALWAYS_OPEN = List.of("/logout", "/css/", "/js/", "/error");

	private final ObjectProvider<SecondFactors> factors;

	/** Looked up per sign-in: a web test slice without a database has none. */
	SecondFactorGate(ObjectProvider<SecondFactors> factors) {
		this.factors = factors;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SecondFactors second = factors.getIfAvailable();
		SecondFactors.Need need = second != null && authentication.getPrincipal() instanceof PostbrugUser user
				? second.need(user) : SecondFactors.Need.NONE;
		if (need == SecondFactors.Need.NONE) {
			response.sendRedirect(request.getContextPath() + "/");
			return;
		}
		request.getSession().setAttribute(PENDING, need);
		response.sendRedirect(request.getContextPath() + page(need));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Object pending = session == null ? null : session.getAttribute(PENDING);
		if (pending instanceof SecondFactors.Need need) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			boolean open = path.equals(page(need)) || ALWAYS_OPEN.stream().anyMatch(path::startsWith);
			if (!open) {
				response.sendRedirect(request.getContextPath() + page(need));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static boolean pending(HttpSession session) {
		return session != null && session.getAttribute(PENDING) != null;
	}

	static void passed(HttpSession session) {
		session.removeAttribute(PENDING);
	}

	private static String page(SecondFactors.Need need) {
		return need == SecondFactors.Need.CODE ? CODE_PAGE : ENROL_PAGE;
	}

}
