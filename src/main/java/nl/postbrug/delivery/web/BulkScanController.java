package nl.postbrug.delivery.web;

import java.io.IOException;

import nl.postbrug.delivery.BulkScans;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class BulkScanController {

	private final BulkScans bulk;

	BulkScanController(BulkScans bulk) {
		this.bulk = bulk;
	}

	@PostMapping("/api/v1/scans/bulk")
	@PreAuthorize("hasRole('POSTROOM')")
	BulkScans.Report bulk(@AuthenticationPrincipal PostbrugUser staff,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new BadScanRequest("delivery.problem.no-file",
					"file is missing: send the scanned PDF, PNG or JPEG as the multipart part 'file'");
		}
		return bulk.confirm(file.getBytes(), staff);
	}

}
