package nl.postbrug.registry;

/**
 * A prisoner as the postroom needs to find them: facility, unit and cell.
 */
public record Prisoner(long id, String number, String name, long facilityId, String facilityCode, String facilityName,
		String unit, String cell, PrisonerStatus status) {

	public boolean isActive() {
		return status == PrisonerStatus.ACTIVE;
	}

}
