package nl.postbrug.delivery;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.batches.Batches;
import nl.postbrug.batches.LetterCopy;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand-over by barcode scan. Every scan is recorded with its outcome, whatever it is;
 * only a valid, current copy of a printed letter of the scanner's own facility marks the
 * message DELIVERED.
 */
@Service
public class Delivery {

	public record Scan(ScanOutcome outcome, Long letter, UUID message, Prisoner prisoner) {
	}

	private final Batches batches;

	private final Messages messages;

	private final Registry registry;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Delivery(Batches batches, Messages messages, Registry registry, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.batches = batches;
		this.messages = messages;
		this.registry = registry;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Scan scan(String rawCode, PostbrugUser staff) {
		String code = rawCode == null ? "" : CopyCodes.normalise(rawCode);
		if (code.length() > 64) {
			code = code.substring(0, 64);
		}
		Optional<LetterCopy> copy = CopyCodes.isWellFormed(code) ? batches.copy(code) : Optional.empty();
		Scan scan = copy.map(found -> outcome(found, staff))
			.orElse(new Scan(ScanOutcome.UNKNOWN_CODE, null, null, null));
		jdbc.sql("INSERT INTO delivery_scan (code, outcome, letter_id, scanned_by, at) VALUES (?, ?, ?, ?, ?)")
			.params(code, scan.outcome().name(), scan.letter(), staff.getUsername(),
					clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
			.update();
		events
			.publishEvent(new LetterScanned(code, scan.outcome(), scan.letter(), scan.message(), staff.getUsername()));
		return scan;
	}

	private Scan outcome(LetterCopy copy, PostbrugUser staff) {
		if (!staff.canAct(copy.facilityId())) {
			// Say no more than that: staff of another facility learn nothing about the
			// letter.
			return new Scan(ScanOutcome.WRONG_FACILITY, null, null, null);
		}
		Prisoner prisoner = registry.prisoner(copy.prisonerId());
		if (copy.isVoid()) {
			return new Scan(ScanOutcome.VOID_COPY, copy.letterId(), copy.messageId(), prisoner);
		}
		MessageStatus status = messages.get(copy.messageId()).status();
		if (status == MessageStatus.DELIVERED) {
			return new Scan(ScanOutcome.ALREADY_DELIVERED, copy.letterId(), copy.messageId(), prisoner);
		}
		try {
			messages.markDelivered(copy.messageId(), staff.getUsername(), copy.code());
		}
		catch (IllegalTransition ex) {
			// A second scanner won the race by a moment.
			if (messages.get(copy.messageId()).status() == MessageStatus.DELIVERED) {
				return new Scan(ScanOutcome.ALREADY_DELIVERED, copy.letterId(), copy.messageId(), prisoner);
			}
			throw ex;
		}
		return new Scan(ScanOutcome.DELIVERED, copy.letterId(), copy.messageId(), prisoner);
	}

}
