package nl.postbrug.registry;

import java.time.Instant;
import java.util.UUID;

/** A relative asked to be approved as a prisoner's contact. */
public record ApprovalRequested(UUID id, long contactId, Instant at) {
}
