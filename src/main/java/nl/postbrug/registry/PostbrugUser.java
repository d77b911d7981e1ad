package nl.postbrug.registry;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person: a staff member with roles and facilities, or a relative (role
 * SENDER) with a contact id. Every module checks facility scope through
 * {@link #canAct(long)}.
 */
public final class PostbrugUser implements UserDetails {

	private final String username;

	private final String passwordHash;

	private final Set<Role> roles;

	private final boolean allFacilities;

	private final Set<Long> facilityIds;

	private final Long contactId;

	private final boolean enabled;

	private PostbrugUser(String username, String passwordHash, Set<Role> roles, boolean allFacilities,
			Set<Long> facilityIds, Long contactId, boolean enabled) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.roles = Set.copyOf(roles);
		this.allFacilities = allFacilities;
		this.facilityIds = Set.copyOf(facilityIds);
		this.contactId = contactId;
		this.enabled = enabled;
	}

	public static PostbrugUser staff(String username, String passwordHash, Set<Role> roles, boolean allFacilities,
			Set<Long> facilityIds, boolean enabled) {
		return new PostbrugUser(username, passwordHash, roles, allFacilities, facilityIds, null, enabled);
	}

	public static PostbrugUser relative(Contact contact, String passwordHash) {
		return new PostbrugUser(contact.email(), passwordHash, Set.of(Role.SENDER), false, Set.of(), contact.id(),
				contact.verified());
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/**
	 * Whether this staff member works for the given facility. Relatives act on no
	 * facility.
	 */
	public boolean canAct(long facilityId) {
		return contactId == null && (allFacilities || facilityIds.contains(facilityId));
	}

	public boolean isRelative() {
		return contactId != null;
	}

	/** The contact id of a relative; fails for staff. */
	public long contactId() {
		if (contactId == null) {
			throw new IllegalStateException(username + " is staff, not a relative");
		}
		return contactId;
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean allFacilities() {
		return allFacilities;
	}

	public Set<Long> facilityIds() {
		return facilityIds;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public String toString() {
		return "PostbrugUser[" + username + ", " + List.copyOf(roles) + "]";
	}

}
