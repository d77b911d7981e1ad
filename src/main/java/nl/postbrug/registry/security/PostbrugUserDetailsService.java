package nl.postbrug.registry.security;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import nl.postbrug.registry.Contact;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.RegistryImport;
import nl.postbrug.registry.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds staff by username and relatives by email address. Staff usernames cannot contain
 * '@', so the two never collide.
 */
@Component
class PostbrugUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final LoginThrottle throttle;

	PostbrugUserDetailsService(JdbcClient jdbc, LoginThrottle throttle) {
		this.jdbc = jdbc;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		throttle.check(username);
		String name = username.trim().toLowerCase(Locale.ROOT);
		return name.contains("@") ? relative(name) : staff(name);
	}

	private PostbrugUser staff(String username) {
		record Row(long id, String passwordHash, boolean allFacilities, boolean enabled) {
		}
		Row row = jdbc.sql("SELECT id, password_hash, all_facilities, enabled FROM staff_user WHERE username = ?")
			.param(username)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.sql("SELECT role FROM staff_role WHERE staff_user_id = ?")
			.param(row.id())
			.query(String.class)
			.list()
			.forEach(role -> roles.add(Role.valueOf(role)));
		Set<Long> facilities = new HashSet<>(jdbc.sql("SELECT facility_id FROM staff_facility WHERE staff_user_id = ?")
			.param(row.id())
			.query(Long.class)
			.list());
		boolean usable = row.enabled() && !RegistryImport.LOCKED.equals(row.passwordHash());
		return PostbrugUser.staff(username, row.passwordHash(), roles, row.allFacilities(), facilities, usable);
	}

	private PostbrugUser relative(String email) {
		record Row(Contact contact, String passwordHash) {
		}
		return jdbc.sql(
				"SELECT id, email, name, verified, password_hash FROM contact WHERE email = ? AND password_hash IS NOT NULL")
			.param(email)
			.query((rs, n) -> new Row(new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
					rs.getString(5)))
			.optional()
			.map(row -> PostbrugUser.relative(row.contact(), row.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
