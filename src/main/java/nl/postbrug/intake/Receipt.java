package nl.postbrug.intake;

import java.util.UUID;

/**
 * What intake did with a submission.
 *
 * @param duplicate {@code true} when the same submission (idempotency key, or identical
 * mail source) was taken before and this is that earlier message
 */
public record Receipt(UUID id, MessageStatus status, boolean duplicate) {
}
