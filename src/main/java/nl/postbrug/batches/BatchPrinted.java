package nl.postbrug.batches;

/** The printer accepted a batch. */
public record BatchPrinted(long batchId, String facility, int letters, int pages, String printer) {
}
