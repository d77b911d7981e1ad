package nl.postbrug.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.batches.Batches;
import nl.postbrug.batches.LetterCopy;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.Registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand-over by barcode scan. Every scan is recorded with its outcome, whatever it is;
 * only a valid, current copy of a printed letter of the scanner's own facility changes
 * anything: the message is DELIVERED, or, when its prisoner has left, RETURNED (released)
 * or forwarded to the prisoner's new facility.
 */
@Service
public class Delivery {

	/**
	 * What a scan found. {@code deliveredAt} and {@code deliveredBy} tell when and by
	 * whom an ALREADY_DELIVERED letter was handed over, {@code deliveredAt} in the time
	 * zone of the letter's facility (the registry's), so a page shows the postroom's own
	 * clock; {@code forwardedTo} is the facility code of a FORWARD.
	 */
	public record Scan(ScanOutcome outcome, Long letter, UUID message, Prisoner prisoner, ZonedDateTime deliveredAt,
			String deliveredBy, String forwardedTo) {

		public Scan(ScanOutcome outcome, Long letter, UUID message, Prisoner prisoner) {
			this(outcome, letter, message, prisoner, null, null, null);
		}

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
			return alreadyDelivered(copy, prisoner);
		}
		if (status == MessageStatus.RETURNED) {
			return new Scan(ScanOutcome.RETURN, copy.letterId(), copy.messageId(), prisoner);
		}
		try {
			if (prisoner.status() == PrisonerStatus.RELEASED) {
				messages.markReturned(copy.messageId(), staff.getUsername(), IntakeReason.RETURNED_RELEASED.with());
				return new Scan(ScanOutcome.RETURN, copy.letterId(), copy.messageId(), prisoner);
			}
			if (prisoner.facilityId() != copy.facilityId()) {
				batches.forward(copy, registry.facility(prisoner.facilityId()), staff.getUsername());
				return new Scan(ScanOutcome.FORWARD, copy.letterId(), copy.messageId(), prisoner, null, null,
						prisoner.facilityCode());
			}
			messages.markDelivered(copy.messageId(), staff.getUsername(), copy.code());
		}
		catch (IllegalTransition ex) {
			// A second scanner won the race by a moment.
			MessageStatus now = messages.get(copy.messageId()).status();
			if (now == MessageStatus.DELIVERED) {
				return alreadyDelivered(copy, prisoner);
			}
			if (now == MessageStatus.RETURNED) {
				return new Scan(ScanOutcome.RETURN, copy.letterId(), copy.messageId(), prisoner);
			}
			throw ex;
		}
		return new Scan(ScanOutcome.DELIVERED, copy.letterId(), copy.messageId(), prisoner);
	}

	private Scan alreadyDelivered(LetterCopy copy, Prisoner prisoner) {
		record HandOver(Instant at, String by) {
		}
		HandOver handOver = jdbc.sql("""
				SELECT s.at, s.scanned_by FROM delivery_scan s JOIN letter l ON l.id = s.letter_id
				WHERE l.message_id = ? AND s.outcome = 'DELIVERED' ORDER BY s.id FETCH FIRST 1 ROWS ONLY
				""")
			.param(copy.messageId().toString())
			.query((rs, n) -> new HandOver(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2)))
			.optional()
			.orElse(new HandOver(null, null));
		ZoneId zone = registry.facility(copy.facilityId()).zone();
		return new Scan(ScanOutcome.ALREADY_DELIVERED, copy.letterId(), copy.messageId(), prisoner,
				handOver.at() == null ? null : handOver.at().atZone(zone), handOver.by(), null);
	}

}
