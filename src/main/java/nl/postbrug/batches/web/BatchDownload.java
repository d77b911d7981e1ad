package nl.postbrug.batches.web;

import java.nio.file.Path;

import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A batch PDF as a download, for the API and the postroom page alike. */
final class BatchDownload {

	private BatchDownload() {
	}

	static ResponseEntity<Resource> of(Batches batches, BatchView batch) {
		Path pdf = batches.pdf(batch);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(batch.facility() + "-batch-" + batch.id() + ".pdf")
						.build()
						.toString())
			.body(new FileSystemResource(pdf));
	}

}
