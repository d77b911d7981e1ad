package nl.postbrug.delivery;

import java.util.List;
import java.util.UUID;

import nl.postbrug.batches.Batches;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Prisoner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a release or transfer will do to a prisoner's post, told before the administrator
 * confirms it: messages not printed yet go back or follow at once, printed letters not
 * handed over are settled when they are scanned.
 */
@Service
public class WaitingLetters {

	/**
	 * @param notPrinted approved (or forwarded) and waiting for a batch: RETURNED on a
	 * release, moved along on a transfer
	 * @param printed printed and not handed over: RETURN or FORWARD at their scan
	 */
	public record Waiting(int notPrinted, int printed) {
	}

	private final Messages messages;

	private final Batches batches;

	private final JdbcClient jdbc;

	WaitingLetters(Messages messages, Batches batches, JdbcClient jdbc) {
		this.messages = messages;
		this.batches = batches;
		this.jdbc = jdbc;
	}

	public Waiting of(Prisoner prisoner) {
		List<UUID> approved = messages.approvedFor(prisoner.id());
		// a forwarded message stays PRINTED while it waits for its new letter
		int forwards = batches.waitingForwards(prisoner.id()).size();
		int notPrinted = (int) approved.stream().filter(id -> !batches.hasLetter(id)).count() + forwards;
		int printed = jdbc.sql("SELECT COUNT(*) FROM message WHERE prisoner_id = ? AND status = 'PRINTED'")
			.param(prisoner.id())
			.query(Integer.class)
			.single() - forwards;
		return new Waiting(notPrinted, Math.max(printed, 0));
	}

}
