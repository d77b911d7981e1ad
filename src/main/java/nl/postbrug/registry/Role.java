package nl.postbrug.registry;

public enum Role {

	SENDER, SCREENER, POSTROOM, FACILITY_ADMIN, AUDITOR,

	/** Reads the metrics (/actuator/prometheus) and nothing else. */
	MONITORING;

	public String authority() {
		return "ROLE_" + name();
	}

}
