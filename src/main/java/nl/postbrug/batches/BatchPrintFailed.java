package nl.postbrug.batches;

/** The printer did not take a batch; it stays PRINT_FAILED and is tried again. */
public record BatchPrintFailed(long batchId, String facility, String reason) {
}
