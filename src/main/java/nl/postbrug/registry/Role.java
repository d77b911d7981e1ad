package nl.postbrug.registry;

public enum Role {

	SENDER, SCREENER, POSTROOM, FACILITY_ADMIN, AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
