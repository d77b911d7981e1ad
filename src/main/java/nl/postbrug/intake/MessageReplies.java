package nl.postbrug.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The replies a prisoner wrote to a message, for the message's timeline. Declared here
 * and implemented by the module that receives replies (delivery), so intake shows them
 * without depending on it.
 */
public interface MessageReplies {

	/**
	 * One reply as the sender follows it.
	 *
	 * @param status {@code IN_REVIEW}, {@code APPROVED}, {@code REJECTED} or
	 * {@code WITHHELD}
	 */
	record Reply(UUID id, String status, Instant receivedAt) {
	}

	/** The message's replies, oldest first. */
	List<Reply> of(UUID messageId);

}
