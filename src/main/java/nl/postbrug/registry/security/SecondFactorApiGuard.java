package nl.postbrug.registry.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic carries a password and nothing else, and a one-time code cannot be sent with
 * every request: an account that needs a second factor is refused on the API and works on
 * the pages, where the code is asked once per session.
 */
class SecondFactorApiGuard extends OncePerRequestFilter {

	private final ObjectProvider<SecondFactors> factors;

	private final ProblemSecurityHandlers problems;

	SecondFactorApiGuard(ObjectProvider<SecondFactors> factors, ProblemSecurityHandlers problems) {
		this.factors = factors;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		SecondFactors second = factors.getIfAvailable();
		if (second != null && authentication != null && authentication.getPrincipal() instanceof PostbrugUser user
				&& second.need(user) != SecondFactors.Need.NONE) {
			SecurityContextHolder.clearContext();
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "security.problem.second-factor");
			return;
		}
		chain.doFilter(request, response);
	}

}
