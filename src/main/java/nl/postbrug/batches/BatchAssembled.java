package nl.postbrug.batches;

/** A batch's letters were chosen and its PDF written. */
public record BatchAssembled(long batchId, String facility, String slot, int letters, int pages, String actor) {
}
