package nl.postbrug.registry.web;

import java.util.ArrayList;
import java.util.List;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The page header's links, read by the layout as {@code @navigation}: only the pages the
 * signed-in user's roles open. A bean rather than a model attribute, so error pages get
 * the header too.
 */
@Component("navigation")
public class Navigation {

	/** {@code label} is a key of the {@code i18n/web} bundle. */
	public record Link(String href, String label) {
	}

	public List<Link> links() {
		PostbrugUser user = currentUser();
		List<Link> links = new ArrayList<>();
		if (user == null) {
			return links;
		}
		if (user.has(Role.SENDER)) {
			links.add(new Link("/messages", "nav.messages"));
			links.add(new Link("/compose", "nav.compose"));
			links.add(new Link("/approvals", "nav.approvals.mine"));
		}
		if (user.has(Role.SCREENER)) {
			links.add(new Link("/review", "nav.review"));
		}
		if (user.has(Role.POSTROOM) || user.has(Role.FACILITY_ADMIN)) {
			links.add(new Link("/postroom", "nav.batches"));
		}
		if (user.has(Role.POSTROOM)) {
			links.add(new Link("/postroom/scan", "nav.scan"));
			links.add(new Link("/postroom/replies", "nav.replies"));
		}
		if (user.has(Role.POSTROOM) || user.has(Role.FACILITY_ADMIN)) {
			links.add(new Link("/operations", "nav.operations"));
		}
		if (user.has(Role.FACILITY_ADMIN)) {
			links.add(new Link("/staff/approvals", "nav.staff.approvals"));
			links.add(new Link("/staff/registry", "nav.staff.registry"));
		}
		if (user.has(Role.AUDITOR)) {
			links.add(new Link("/audit", "nav.audit"));
		}
		links.add(new Link("/account", "nav.account"));
		return links;
	}

	public boolean signedIn() {
		return currentUser() != null;
	}

	public String username() {
		PostbrugUser user = currentUser();
		return user == null ? "" : user.getUsername();
	}

	private static PostbrugUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof PostbrugUser user ? user : null;
	}

}
