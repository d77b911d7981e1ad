package nl.postbrug.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A facility administrator approved or refused a relative's request; the relative is told
 * by mail, with the reason of a refusal.
 */
public record ApprovalDecided(UUID id, long contactId, String email, String name, String registryNumber,
		String prisonerName, boolean approved, String reason, String decidedBy, Instant at) {
}
