package nl.postbrug.batches;

/**
 * ASSEMBLING: letters chosen, PDF being written. ASSEMBLED: PDF ready, not yet accepted
 * by the printer. PRINTING: handed to the printer by one worker, which others leave
 * alone. PRINTED: the printer took it. PRINT_FAILED: the printer refused or was
 * unreachable; retried.
 */
public enum BatchStatus {

	ASSEMBLING, ASSEMBLED, PRINTING, PRINTED, PRINT_FAILED

}
