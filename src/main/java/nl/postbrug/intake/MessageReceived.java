package nl.postbrug.intake;

import java.util.UUID;

/**
 * A message was stored and waits for screening.
 */
public record MessageReceived(UUID messageId) {
}
