package nl.postbrug.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a walk over the whole chain and every anchor found.
 *
 * @param valid the chain holds and every anchor confirms it
 * @param events how many events the log holds
 * @param firstBroken the first event that cannot be trusted, {@code null} when none; for
 * events removed from the end, the first one missing
 * @param problem why that event cannot be trusted
 * @param legacyEvents events hashed in the legacy encoding (written before the current
 * one existed)
 * @param anchors what the anchors said
 */
public record Verification(boolean valid, long events, Long firstBroken, Problem problem, long legacyEvents,
		Anchors anchors) {

	public enum Problem {

		/** The event's fields do not give its stored hash. */
		CONTENT_CHANGED,

		/**
		 * The event does not name the previous event's hash: one was changed or moved.
		 */
		LINK_BROKEN,

		/** The sequence skips this number: the event was deleted. */
		MISSING,

		/** The event claims an encoding this version does not know. */
		UNKNOWN_ENCODING,

		/**
		 * A legacy-encoded event after a current one: legacy encoding is never written.
		 */
		ENCODING_DOWNGRADED,

		/** The chain head names a newer or other last event than the log holds. */
		HEAD_MISMATCH,

		/**
		 * A signed anchor names an event past the end of the log: newest events deleted.
		 */
		REMOVED_AFTER_ANCHOR,

		/** A signed anchor names another hash for an event than the log holds. */
		DIFFERS_FROM_ANCHOR

	}

	public enum AnchorFault {

		/** The file is not an anchor. */
		MALFORMED,

		/** Signed with another key than the one verification was given. */
		OTHER_KEY,

		/** The signature does not match the anchor's fields: forged or altered. */
		BAD_SIGNATURE,

		/** The anchored event is past the end of the log: newer events were deleted. */
		BEYOND_END,

		/** The anchored event is missing from the middle of the log. */
		EVENT_MISSING,

		/** The log holds another hash at the anchored event. */
		HASH_MISMATCH

	}

	/**
	 * @param checked whether a public key was at hand to check signatures with
	 * @param keyId the id of that key
	 * @param found anchor files found
	 * @param confirmed anchors whose signature and hash both hold
	 * @param newestSeq the newest confirmed anchor's event
	 * @param newestAt when it was made
	 */
	public record Anchors(boolean checked, String keyId, int found, int confirmed, Long newestSeq, Instant newestAt,
			List<AnchorProblem> problems) {

	}

	/**
	 * @param file the anchor file's name
	 * @param seq the event it names, {@code null} when it could not be read
	 */
	public record AnchorProblem(String file, Long seq, AnchorFault fault) {
	}

}
