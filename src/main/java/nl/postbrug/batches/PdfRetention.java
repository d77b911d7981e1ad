package nl.postbrug.batches;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import nl.postbrug.intake.MessageContentPurged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static nl.postbrug.batches.BatchStore.utc;

/**
 * Removes the stored PDFs made from a message when intake purges its content, in the same
 * transaction: the message's reprints at once, and a batch's PDF once no letter in it has
 * content left (a batch holds many messages, each with its own period). Letters, copies
 * and their codes stay, so a scan of an old copy is still recognised.
 */
@Component
class PdfRetention {

	private final JdbcClient jdbc;

	private final PdfStore pdfs;

	private final BatchStore batches;

	private final ApplicationEventPublisher events;

	PdfRetention(JdbcClient jdbc, PdfStore pdfs, BatchStore batches, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.pdfs = pdfs;
		this.batches = batches;
		this.events = events;
	}

	record Reprint(long letterId, String code, int copyNo, String key) {
	}

	@EventListener
	void on(MessageContentPurged purged) {
		Instant at = purged.at();
		String message = purged.messageId().toString();
		List<Reprint> reprints = jdbc.sql("""
				SELECT c.letter_id, c.code, c.copy_no, c.pdf_path FROM letter_copy c JOIN letter l ON l.id = c.letter_id
				WHERE l.message_id = ? AND c.pdf_path IS NOT NULL AND c.pdf_purged_at IS NULL ORDER BY c.copy_no
				""")
			.param(message)
			.query((rs, n) -> new Reprint(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
			.list();
		for (Reprint reprint : reprints) {
			if (jdbc.sql("UPDATE letter_copy SET pdf_purged_at = ? WHERE code = ? AND pdf_purged_at IS NULL")
				.params(utc(at), reprint.code())
				.update() == 1) {
				pdfs.delete(reprint.key());
				events.publishEvent(new ReprintPdfPurged(reprint.letterId(), purged.messageId(), reprint.code(),
						reprint.copyNo(), at));
			}
		}
		List<Long> batchIds = jdbc.sql("SELECT DISTINCT batch_id FROM letter WHERE message_id = ?")
			.param(message)
			.query(Long.class)
			.list();
		for (long batchId : batchIds) {
			purgeBatchWhenEmpty(batchId, at);
		}
	}

	/** The batch PDF goes once no letter of the batch has a message with content. */
	private void purgeBatchWhenEmpty(long batchId, Instant at) {
		// The compare-and-set is the batch row itself: of two purges finishing the same
		// batch at once, one removes it.
		int taken = jdbc.sql("""
				UPDATE batch SET pdf_purged_at = ? WHERE id = ? AND pdf_purged_at IS NULL AND pdf_path IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM letter l JOIN message m ON m.id = l.message_id
				  WHERE l.batch_id = ? AND m.content_purged_at IS NULL)
				""").params(utc(at), batchId, batchId).update();
		if (taken == 0) {
			return;
		}
		BatchView batch = batches.batch(batchId).orElseThrow();
		batches.pdfPath(batchId).ifPresent(pdfs::delete);
		events.publishEvent(new BatchPdfPurged(batchId, batch.facility(), batch.letters(), at));
	}

	/** When the batch's PDF was removed, if it was. */
	Optional<Instant> batchPdfPurgedAt(long batchId) {
		return jdbc.sql("SELECT pdf_purged_at FROM batch WHERE id = ?")
			.param(batchId)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
			.optional()
			.flatMap(at -> at);
	}

}
