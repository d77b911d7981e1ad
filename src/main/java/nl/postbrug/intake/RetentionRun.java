package nl.postbrug.intake;

import java.time.Instant;

/**
 * One run of the retention purge: how many messages lost their content, when, and by whom
 * ({@code schedule} or a member of staff). Published once per run, also when nothing was
 * due, so the audit log shows that the purge runs.
 */
public record RetentionRun(String actor, int messages, int photos, int rawMails, Instant startedAt,
		Instant finishedAt) {
}
