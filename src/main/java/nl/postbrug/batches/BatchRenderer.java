package nl.postbrug.batches;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.letters.BatchCover;
import nl.postbrug.letters.BatchLayout;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.LetterRendering;
import nl.postbrug.letters.RenderOptions;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second step of a batch: writes (or, after a crash, rewrites) the batch PDF from its
 * letter rows and moves the batch to ASSEMBLED. Repeatable, because the rows decide what
 * is printed. Letters are read from the database one at a time while the PDF is written,
 * so the heap does not hold the batch; the PDF is written to a work file and then stored
 * (see {@link PdfStore}), so any node can print and serve it.
 */
@Component
class BatchRenderer {

	private static final Logger log = LoggerFactory.getLogger(BatchRenderer.class);

	private final BatchStore batches;

	private final LetterStore letters;

	private final LetterContents contents;

	private final LetterRendering rendering;

	private final Registry registry;

	private final PdfStore pdfs;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	BatchRenderer(BatchStore batches, LetterStore letters, LetterContents contents, LetterRendering rendering,
			Registry registry, PdfStore pdfs, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.batches = batches;
		this.letters = letters;
		this.contents = contents;
		this.rendering = rendering;
		this.registry = registry;
		this.pdfs = pdfs;
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * @param node the worker writing it; if another node took the batch over meanwhile,
	 * the file is left to that node and the batch is not moved
	 * @param actor who asked for the batch, for the audit log
	 */
	void render(long batchId, String node, String actor) {
		BatchView batch = batches.batch(batchId).orElseThrow();
		Facility facility = registry.facility(batch.facilityId());
		List<LetterStore.LetterRow> rows = letters.letters(batchId);
		List<LetterContent> contentsInOrder = new AbstractList<>() {

			@Override
			public LetterContent get(int index) {
				LetterStore.LetterRow row = rows.get(index);
				return contents.of(row.messageId(), row.code(), row.replyCode());
			}

			@Override
			public int size() {
				return rows.size();
			}

		};
		String key = PdfStore.batchKey(facility.code(), batchId);
		Path partial = pdfs.scratch("batch-" + batchId + "-");
		BatchCover cover = new BatchCover(facility.name(), batchId + " (" + slotLabel(batch, facility) + ")",
				batch.createdAt().atZone(facility.zone()).toLocalDate(), batch.code());
		RenderOptions options = facility.printer().greyscalePhotos() ? RenderOptions.GREYSCALE_PHOTOS
				: RenderOptions.DEFAULT;
		BatchLayout layout;
		try {
			layout = rendering.writeBatch(cover, contentsInOrder, options, facility.printer().duplex(), partial);
			pdfs.store(key, partial);
		}
		finally {
			deleteQuietly(partial);
		}
		boolean mine = Boolean.TRUE.equals(transactions.execute(tx -> {
			if (!batches.assembled(batchId, node, key, rows.size(), layout.totalPages())) {
				return false;
			}
			letters.recordPages(rows, layout.letterPages());
			events.publishEvent(new BatchAssembled(batchId, facility.code(), batch.slot(), rows.size(),
					layout.totalPages(), actor));
			return true;
		}));
		if (!mine) {
			log.warn("Batch {} was taken over by another node while this one wrote it; leaving it to that node",
					batchId);
			return;
		}
		log.info("Batch {} for {}: {} letters, {} pages -> {}", batchId, facility.code(), rows.size(),
				layout.totalPages(), key);
	}

	/** "scheduled 07:00" or "run by hand at 10:42", in the facility's time. */
	static String slotLabel(BatchView batch, Facility facility) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
		if (batch.slot().startsWith("scheduled-")) {
			return "scheduled "
					+ Instant.parse(batch.slot().substring("scheduled-".length())).atZone(facility.zone()).format(time);
		}
		return "run by hand at " + batch.createdAt().atZone(facility.zone()).format(time);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Work file {} could not be removed: {}", file, ex.getMessage());
		}
	}

}
