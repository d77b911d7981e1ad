package nl.postbrug.registry;

import java.time.Instant;

/**
 * A prisoner left the prison service's care. Published in the transaction that recorded
 * it, so whoever acts on it (returning the letters that can no longer be handed over, the
 * audit log) commits with it.
 */
public record PrisonerReleased(long prisonerId, String number, long facilityId, String facilityCode, String actor,
		Instant at) {
}
