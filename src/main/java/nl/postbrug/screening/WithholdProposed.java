package nl.postbrug.screening;

import java.util.UUID;

/**
 * A screener proposed to withhold a message; it takes effect when a second screener
 * confirms. The reason is internal and never shown to the sender.
 */
public record WithholdProposed(UUID messageId, String screener, String reason) {
}
