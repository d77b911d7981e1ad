package nl.postbrug.batches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.registry.Facility;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Makes one batch in three steps, each of which survives a crash of the one after it:
 * {@link BatchClaim} (letters chosen in one transaction), {@link BatchRenderer} (the PDF
 * written from those letters) and {@link BatchPrinting} (printed and followed at the
 * printer).
 * <p>
 * The unique key on facility and slot makes a slot produce one batch however often, and
 * on however many nodes, it is run. The node that creates or claims a batch is its worker
 * and keeps a heartbeat on it; a batch whose worker died is taken over by another node
 * (or the next process) and finished from the step it had reached.
 */
@Component
class BatchAssembly {

	private static final Logger log = LoggerFactory.getLogger(BatchAssembly.class);

	private final BatchStore batches;

	private final BatchNode node;

	private final BatchClaim claim;

	private final BatchRenderer renderer;

	private final BatchPrinting printing;

	private final BatchSettings settings;

	private final Clock clock;

	BatchAssembly(BatchStore batches, BatchNode node, BatchClaim claim, BatchRenderer renderer, BatchPrinting printing,
			BatchSettings settings, Clock clock) {
		this.batches = batches;
		this.node = node;
		this.claim = claim;
		this.renderer = renderer;
		this.printing = printing;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The batch of a slot: made now, or, when the slot has one already, that one,
	 * finished here if its worker is gone. With {@code waitForWorker} (a run Quartz
	 * recovered from a dead node) an unfinished batch is waited for until it is done or
	 * its worker counts as dead and it can be taken over.
	 * @param followHere follow the print job to its end in this thread (else in the
	 * background once the printer has it)
	 */
	BatchView run(Facility facility, String slot, Instant cutoff, String actor, boolean waitForWorker,
			boolean followHere) {
		Optional<BatchView> existing = batches.batch(facility.id(), slot);
		if (existing.isPresent()) {
			return finish(existing.get(), waitForWorker);
		}
		long batchId;
		try {
			batchId = claim.claim(facility, slot, cutoff, node.id());
		}
		catch (DuplicateKeyException otherNodeWon) {
			return finish(batches.batch(facility.id(), slot).orElseThrow(() -> otherNodeWon), waitForWorker);
		}
		log.info("Batch {} for {} ({}): letters claimed for messages approved until {}", batchId, facility.code(), slot,
				cutoff);
		try (BatchNode.Work work = node.working(batchId)) {
			renderer.render(batchId, node.id(), actor);
		}
		printing.print(batchId, false, followHere);
		return batches.batch(batchId).orElseThrow();
	}

	/**
	 * Takes over a batch whose worker is gone and finishes it from where it stopped.
	 * @param otherThan also take batches whose worker is any node but this one (a single
	 * node at start-up: they were left by the previous process)
	 * @return false when the batch is finished or its worker is alive
	 */
	boolean resume(BatchView batch, String otherThan) {
		if (!batches.takeOver(batch.id(), node.id(), clock.instant(), node.staleBefore(), otherThan)) {
			return false;
		}
		BatchView taken = batches.batch(batch.id()).orElseThrow();
		if (taken.status() == BatchStatus.ASSEMBLING) {
			log.warn("Batch {} was left half assembled by node {}; writing it again", taken.id(), batch.owner());
			try (BatchNode.Work work = node.working(taken.id())) {
				renderer.render(taken.id(), node.id(), "recovery");
			}
			printing.print(taken.id(), false, true);
		}
		else if (taken.status() == BatchStatus.PRINTING) {
			log.warn("Batch {} was left printing by node {}; asking the printer before anything is sent again",
					taken.id(), batch.owner());
			printing.printClaimed(taken.id(), true);
		}
		return true;
	}

	private BatchView finish(BatchView batch, boolean waitForWorker) {
		Instant giveUp = clock.instant().plus(settings.staleAfter().multipliedBy(2));
		BatchView current = batch;
		while (current.status().hasWorker()) {
			if (resume(current, null) || !waitForWorker || clock.instant().isAfter(giveUp)) {
				break;
			}
			pause(Duration.ofMillis(Math.min(1000, Math.max(100, settings.staleAfter().toMillis() / 4))));
			current = batches.batch(batch.id()).orElseThrow();
		}
		return batches.batch(batch.id()).orElseThrow();
	}

	/** Waits for the worker of a batch another run is finishing. */
	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a batch's worker", ex);
		}
	}

}
