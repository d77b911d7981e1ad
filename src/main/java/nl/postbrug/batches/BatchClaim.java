package nl.postbrug.batches;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import nl.postbrug.letters.CopyCodes;
import nl.postbrug.registry.Facility;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first step of a batch: in one transaction, hold the facility's lock, create the
 * batch for its slot and give every message approved by the cut-off and without a letter
 * (at most {@code max-letters-per-batch}, the oldest first) a letter and a copy code, in
 * print order. What the batch prints is decided here; the later steps only read it.
 * <p>
 * The messages are found by one query and the letters written in a fixed number of
 * statements, so the lock is held briefly however large the batch. Print order is decided
 * here in Java rather than by the database, so that it is the same on H2 and on
 * PostgreSQL whatever the database's collation.
 */
@Component
class BatchClaim {

	/** Unit, cell, name, then registry number: the order the postroom walks in. */
	static final Comparator<LetterStore.Claimable> PRINT_ORDER = Comparator.comparing(LetterStore.Claimable::unit)
		.thenComparing(LetterStore.Claimable::cell)
		.thenComparing(LetterStore.Claimable::name)
		.thenComparing(LetterStore.Claimable::number);

	private final BatchStore batches;

	private final LetterStore letters;

	private final BatchSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	BatchClaim(BatchStore batches, LetterStore letters, BatchSettings settings, TransactionTemplate transactions,
			Clock clock) {
		this.batches = batches;
		this.letters = letters;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Creates the slot's batch, worked on by {@code node}, with its letters.
	 * @param cutoff messages approved after it wait for the next batch; null: none wait
	 * @return the new batch's id
	 * @throws org.springframework.dao.DuplicateKeyException when the slot has a batch
	 * already (another run, perhaps on another node, made it first)
	 */
	long claim(Facility facility, String slot, Instant cutoff, String node) {
		return transactions.execute(tx -> {
			batches.lockFacility(facility.id());
			Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
			long batchId = batches.insertBatch(facility.id(), slot, CopyCodes.newCode(), now, cutoff, node);
			// Letters forwarded from another facility were printed once already: they go
			// first, whatever the cut-off.
			List<LetterStore.Claimable> forwarded = letters.forwarded(facility.id(), settings.maxLettersPerBatch());
			List<LetterStore.Claimable> inPrintOrder = java.util.stream.Stream
				.concat(forwarded.stream(),
						letters.claimable(facility.id(), cutoff, settings.maxLettersPerBatch() - forwarded.size())
							.stream())
				.sorted(PRINT_ORDER)
				.toList();
			letters.insertLetters(batchId, facility.id(), inPrintOrder, now);
			letters.forwardsClaimed(batchId, forwarded.stream().map(LetterStore.Claimable::messageId).toList());
			letters.assignReplyCodes(batchId);
			return batchId;
		});
	}

}
