package nl.postbrug.batches;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what a crash or an unreachable printer left undone: at start-up, and every
 * {@code sweep-interval} after.
 */
@Component
class BatchRecovery {

	private static final Logger log = LoggerFactory.getLogger(BatchRecovery.class);

	private final BatchStore batches;

	private final BatchNode node;

	private final BatchAssembly assembly;

	private final BatchPrinting printing;

	private final Clock clock;

	BatchRecovery(BatchStore batches, BatchNode node, BatchAssembly assembly, BatchPrinting printing, Clock clock) {
		this.batches = batches;
		this.node = node;
		this.assembly = assembly;
		this.printing = printing;
		this.clock = clock;
	}

	/**
	 * Batches claimed but not rendered, rendered but not sent, or sent but not known to
	 * be printed. On a single node (embedded database) every such batch of an earlier
	 * process is taken at once; with several nodes only those whose worker has stopped
	 * its heartbeat, so a live node's batch is never stolen. This process's own runs (a
	 * slot made up at start-up, say) are left alone.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void atStartUp() {
		String otherThan = node.clustered() ? null : node.id();
		for (BatchView batch : batches.orphaned(node.staleBefore(), otherThan)) {
			resumeQuietly(batch, otherThan);
		}
		for (BatchView batch : batches.inStatus(BatchStatus.ASSEMBLED)) {
			printQuietly(batch, "could not be sent to its printer");
		}
		retryFailed();
	}

	/**
	 * Failed prints whose retry is due are tried again, and batches of a node that died
	 * (half assembled, assembled but not sent, or sent but not followed to the end) are
	 * taken over.
	 */
	@Scheduled(fixedDelayString = "${postbrug.batches.sweep-interval:15s}",
			initialDelayString = "${postbrug.batches.sweep-interval:15s}")
	public void sweep() {
		for (BatchView batch : batches.orphaned(node.staleBefore(), null)) {
			resumeQuietly(batch, null);
		}
		for (BatchView batch : batches.assembledAndIdle(node.staleBefore())) {
			printQuietly(batch, "could not be sent to its printer");
		}
		retryFailed();
	}

	private void retryFailed() {
		for (BatchView batch : batches.dueForRetry(clock.instant())) {
			printQuietly(batch, "still not printed");
		}
	}

	private void printQuietly(BatchView batch, String problem) {
		try {
			printing.print(batch.id(), false, true);
		}
		catch (RuntimeException ex) {
			log.warn("Batch {} {}: {}", batch.id(), problem, ex.getMessage());
		}
	}

	private void resumeQuietly(BatchView batch, String otherThan) {
		try {
			assembly.resume(batch, otherThan);
		}
		catch (RuntimeException ex) {
			log.error("Batch {} could not be finished; it is tried again later", batch.id(), ex);
		}
	}

}
