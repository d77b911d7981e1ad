package nl.postbrug.delivery.web;

import java.time.Instant;
import java.util.UUID;

import nl.postbrug.delivery.Delivery;
import nl.postbrug.delivery.ScanOutcome;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScanController {

	private final Delivery delivery;

	ScanController(Delivery delivery) {
		this.delivery = delivery;
	}

	record ScanRequest(String code) {
	}

	record PrisonerInfo(String number, String name, String unit, String cell) {

		static PrisonerInfo of(Prisoner prisoner) {
			return prisoner == null ? null
					: new PrisonerInfo(prisoner.number(), prisoner.name(), prisoner.unit(), prisoner.cell());
		}

	}

	/**
	 * {@code deliveredAt}/{@code deliveredBy}: when and by whom an ALREADY_DELIVERED
	 * letter was handed over; {@code forwardedTo}: the facility of a FORWARD.
	 */
	record ScanResult(ScanOutcome outcome, Long letter, UUID message, PrisonerInfo prisoner, Instant deliveredAt,
			String deliveredBy, String forwardedTo) {

		static ScanResult of(Delivery.Scan scan) {
			return new ScanResult(scan.outcome(), scan.letter(), scan.message(), PrisonerInfo.of(scan.prisoner()),
					scan.deliveredAt() == null ? null : scan.deliveredAt().toInstant(), scan.deliveredBy(),
					scan.forwardedTo());
		}

	}

	@PostMapping("/api/v1/scans")
	@PreAuthorize("hasRole('POSTROOM')")
	ScanResult scan(@AuthenticationPrincipal PostbrugUser staff, @RequestBody ScanRequest request) {
		if (request.code() == null || request.code().isBlank()) {
			throw new BadScanRequest("delivery.problem.no-code",
					"code is missing: send {\"code\": \"<the code under the barcode>\"}");
		}
		return ScanResult.of(delivery.scan(request.code(), staff));
	}

}
