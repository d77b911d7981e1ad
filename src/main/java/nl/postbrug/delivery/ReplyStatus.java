package nl.postbrug.delivery;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a scanned reply is: received, waiting for a screener, and decided. States only
 * move forward, along this one table; {@link ReplyStore} moves them with a
 * compare-and-set, so of two screeners deciding at once only one succeeds.
 */
public enum ReplyStatus {

	RECEIVED, IN_REVIEW, APPROVED, REJECTED, WITHHELD;

	private static final Map<ReplyStatus, Set<ReplyStatus>> NEXT = Map.of(RECEIVED, EnumSet.of(IN_REVIEW), IN_REVIEW,
			EnumSet.of(APPROVED, REJECTED, WITHHELD), APPROVED, EnumSet.noneOf(ReplyStatus.class), REJECTED,
			EnumSet.noneOf(ReplyStatus.class), WITHHELD, EnumSet.noneOf(ReplyStatus.class));

	public boolean canMoveTo(ReplyStatus next) {
		return NEXT.get(this).contains(next);
	}

	public boolean isTerminal() {
		return NEXT.get(this).isEmpty();
	}

}
