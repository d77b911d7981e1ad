package nl.postbrug.delivery.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import nl.postbrug.delivery.BulkScans;
import nl.postbrug.delivery.CameraFrames;
import nl.postbrug.delivery.Delivery;
import nl.postbrug.delivery.ScanOutcome;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.letters.ScannedPages;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The hand-over desk: a USB barcode scanner types the code into the focused field and
 * presses Enter; the answer shows the outcome in large type and the field is empty and
 * focused for the next letter. The form works as a plain form; the page's script
 * ({@code /js/scan.js}) sends the same form in the background and asks for JSON, so a
 * round of scans needs no page loads. The round's count travels with the form.
 */
@Controller
class ScanPage {

	private static final int MAX_ROUND = 100_000;

	private final Delivery delivery;

	private final MessageSource texts;

	private final BulkScans bulk;

	private final CameraFrames camera;

	ScanPage(Delivery delivery, MessageSource texts, BulkScans bulk, CameraFrames camera) {
		this.delivery = delivery;
		this.texts = texts;
		this.bulk = bulk;
		this.camera = camera;
	}

	@GetMapping("/postroom/scan")
	@PreAuthorize("hasRole('POSTROOM')")
	String form(Model model) {
		model.addAttribute("round", 0);
		return "delivery/scan";
	}

	@PostMapping("/postroom/scan")
	@PreAuthorize("hasRole('POSTROOM')")
	String scan(@AuthenticationPrincipal PostbrugUser staff, @RequestParam(name = "code", required = false) String code,
			@RequestParam(name = "round", defaultValue = "0") String round, Model model, Locale locale) {
		int before = round(round);
		model.addAttribute("round", before);
		if (code == null || code.isBlank()) {
			model.addAttribute("problem", texts.getMessage("scan.nothing", null, locale));
			return "delivery/scan";
		}
		ScanView view = ScanView.of(delivery.scan(code, staff), code.strip(), before + 1, texts, locale);
		model.addAttribute("scan", view);
		model.addAttribute("round", view.round());
		return "delivery/scan";
	}

	/** The same scan for the page's script. */
	@PostMapping(path = "/postroom/scan", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('POSTROOM')")
	@ResponseBody
	ResponseEntity<?> scanInBackground(@AuthenticationPrincipal PostbrugUser staff,
			@RequestParam(name = "code", required = false) String code,
			@RequestParam(name = "round", defaultValue = "0") String round, Locale locale) {
		if (code == null || code.isBlank()) {
			return ResponseEntity.badRequest().body(Map.of("problem", texts.getMessage("scan.nothing", null, locale)));
		}
		try {
			return ResponseEntity
				.ok(ScanView.of(delivery.scan(code, staff), code.strip(), round(round) + 1, texts, locale));
		}
		catch (IllegalArgumentException | IllegalTransition ex) {
			return ResponseEntity.status(ex instanceof IllegalTransition ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST)
				.body(Map.of("problem", failed(texts, ex, locale)));
		}
	}

	/**
	 * Why a scan was not recorded: in the page's words where the refusal has them (a
	 * letter whose message moved on meanwhile), else what the code's check said.
	 */
	static String failed(MessageSource texts, RuntimeException ex, Locale locale) {
		String why = ex instanceof nl.postbrug.Worded worded ? nl.postbrug.ErrorResponses.words(texts, worded, locale)
				: ex.getMessage();
		return texts.getMessage("scan.failed", new Object[] { why }, locale);
	}

	/**
	 * The camera's fallback where the browser has no {@code BarcodeDetector}: the page
	 * posts one video frame and gets the codes on it, which it then scans as typed ones.
	 * Nothing is recorded here.
	 */
	@PostMapping(path = "/postroom/scan/decode", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('POSTROOM')")
	@ResponseBody
	ResponseEntity<?> decodeFrame(@RequestParam(name = "frame", required = false) MultipartFile frame, Locale locale)
			throws IOException {
		try {
			return ResponseEntity.ok(Map.of("codes", camera.codes(frame == null ? null : frame.getBytes())));
		}
		catch (ScannedPages.Refused ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					texts.getMessage("camera.refused." + ex.code(), ex.args().toArray(), ex.getMessage(), locale));
			problem.setTitle(texts.getMessage("camera.refused", null, locale));
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	/** One decoded code of a bulk upload with its outcome in the officer's words. */
	record BulkRow(String code, ScanOutcome outcome, String tone, String title) {
	}

	/**
	 * Bulk confirmation from the page: every code on the uploaded scan is recorded, and
	 * the page lists each with its outcome; a refused file records nothing and says why.
	 */
	@PostMapping("/postroom/scan/bulk")
	@PreAuthorize("hasRole('POSTROOM')")
	String bulk(@AuthenticationPrincipal PostbrugUser staff,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale)
			throws IOException {
		model.addAttribute("round", 0);
		if (file == null || file.isEmpty()) {
			model.addAttribute("problem", texts.getMessage("bulk.refused.scan.empty", null, locale));
			return "delivery/scan";
		}
		try {
			BulkScans.Report report = bulk.confirm(file.getBytes(), staff);
			model.addAttribute("bulk", report);
			model.addAttribute("bulkRows",
					report.results()
						.stream()
						.map(r -> new BulkRow(r.code(), r.outcome(), ScanView.tone(r.outcome()),
								texts.getMessage("scan.outcome." + r.outcome().name() + ".title", null, locale)))
						.toList());
		}
		catch (ScannedPages.Refused ex) {
			model.addAttribute("problem",
					texts.getMessage("bulk.refused." + ex.code(), ex.args().toArray(), ex.getMessage(), locale));
		}
		return "delivery/scan";
	}

	/** A count the form carried; anything odd starts a new round. */
	private static int round(String value) {
		try {
			int round = Integer.parseInt(value.strip());
			return round < 0 || round > MAX_ROUND ? 0 : round;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
