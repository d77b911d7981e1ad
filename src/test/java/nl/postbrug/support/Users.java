package nl.postbrug.support;

import java.util.EnumSet;
import java.util.Set;

import nl.postbrug.registry.Contact;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Signed-in users for {@code @WebMvcTest}s, as the security configuration would make
 * them: a relative, and staff with roles for all facilities or for some.
 */
public final class Users {

	/** The contact id of {@link #anna()}. */
	public static final long ANNA_CONTACT = 7;

	private Users() {
	}

	public static PostbrugUser anna() {
		return PostbrugUser.relative(new Contact(ANNA_CONTACT, "anna@example.org", "Anna de Vries", true), "n/a");
	}

	/** Staff of every facility with the given roles. */
	public static PostbrugUser staff(Role first, Role... more) {
		return PostbrugUser.staff(first.name().toLowerCase(), "n/a", EnumSet.of(first, more), true, Set.of(), true);
	}

	/** Staff of the given facilities only. */
	public static PostbrugUser staffOf(Set<Long> facilities, Role first, Role... more) {
		return PostbrugUser.staff(first.name().toLowerCase() + "-local", "n/a", EnumSet.of(first, more), false,
				facilities, true);
	}

	/** The request signed in as that user. */
	public static RequestPostProcessor as(PostbrugUser user) {
		return user(user);
	}

	/** Every role but the given ones, each as a user, for "the others are forbidden". */
	public static java.util.List<PostbrugUser> allBut(Role... allowed) {
		EnumSet<Role> others = EnumSet.allOf(Role.class);
		others.removeAll(Set.of(allowed));
		return others.stream().map(role -> role == Role.SENDER ? anna() : staff(role)).toList();
	}

}
