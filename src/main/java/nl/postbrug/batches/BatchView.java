package nl.postbrug.batches;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record BatchView(long id, long facilityId, String facility, String slot, String code, BatchStatus status,
		int letters, int pages, String failure, Instant createdAt, Instant printedAt) {

	/** One letter in a batch, in print order; {@code code} is the copy printed in this batch. */
	public record Item(long id, String code, UUID message, String prisoner, int pages) {
	}

}
