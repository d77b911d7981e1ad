package nl.postbrug.batches;

/**
 * The code asked a batch to move between two states that {@link BatchStatus} does not
 * connect: a mistake, not a race (a move another worker made first is answered with false
 * instead).
 */
class IllegalBatchTransition extends IllegalStateException {

	IllegalBatchTransition(long batchId, BatchStatus from, BatchStatus to) {
		super("Batch " + batchId + " cannot move from " + from + " to " + to);
	}

}
