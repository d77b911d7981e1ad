package nl.postbrug.registry;

import java.time.Instant;

/**
 * A prisoner moved to another facility (or, when both facilities are the same, to another
 * unit or cell). Published in the transaction that recorded it.
 */
public record PrisonerTransferred(long prisonerId, String number, long fromFacilityId, String fromFacilityCode,
		long toFacilityId, String toFacilityCode, String unit, String cell, String actor, Instant at) {

	public boolean changesFacility() {
		return fromFacilityId != toFacilityId;
	}

}
