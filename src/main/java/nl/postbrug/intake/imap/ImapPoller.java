package nl.postbrug.intake.imap;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.RetryBackOff;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.mail.RawMailIntake;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Polls the IMAP mailbox on a thread of its own. Each poll is a {@link MailboxPass}:
 * every message is fetched with peek, stored and committed, recorded under its
 * (UIDVALIDITY, UID), and only then moved to the processed folder (or flagged where there
 * is none). Whatever happens between those steps, the next poll finds the message by its
 * UID or by its source hash and only moves it, so nothing is lost and nothing doubles,
 * also with two pollers on one mailbox. A failed poll (no connection, a server restart, a
 * refused login) is retried after {@code retry-min}, doubling up to {@code retry-max}
 * ({@link RetryBackOff}), and reported by {@link ImapHealth}; it never stops the
 * application.
 */
@Component
public class ImapPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

	/** What one poll did. {@code error} is {@code null} when the poll succeeded. */
	public record Poll(int taken, int duplicates, int oversize, int unreadable, int moved, String error) {
	}

	/**
	 * The poller's health as {@link ImapHealth} reports it.
	 *
	 * @param retryIn the pause before the next try after a failed poll; {@code null}
	 * while polls succeed
	 */
	record State(boolean enabled, Instant lastSuccess, Instant lastFailure, String lastError, int failures,
			Duration retryIn) {
	}

	private final ImapSettings settings;

	private final ImapConnection connection;

	private final MailboxPass pass;

	private final RetryBackOff backOff;

	private final Clock clock;

	private volatile State state;

	private volatile boolean running;

	private Thread thread;

	ImapPoller(ImapSettings settings, RawMailIntake rawMail, JdbcClient jdbc, Clock clock,
			IntakeSettings intakeSettings) {
		this.settings = settings;
		this.connection = new ImapConnection(settings);
		this.pass = new MailboxPass(settings, rawMail, new SeenUids(jdbc, clock, settings.mailbox()),
				intakeSettings.maxMailBytes());
		this.backOff = new RetryBackOff(settings.retryMin(), settings.retryMax());
		this.clock = clock;
		this.state = new State(settings.enabled(), null, null, null, 0, null);
	}

	@Override
	public synchronized void start() {
		if (!settings.enabled() || running) {
			return;
		}
		running = true;
		thread = new Thread(this::loop, "imap-poller");
		thread.setDaemon(true);
		thread.start();
		log.info("IMAP intake polls {} every {}", settings.mailbox(), settings.pollInterval());
	}

	@Override
	public void stop() {
		Thread polling;
		synchronized (this) {
			running = false;
			polling = thread;
			thread = null;
		}
		if (polling != null) {
			polling.interrupt();
			try {
				polling.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		connection.disconnect();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void loop() {
		while (running) {
			Poll poll = pollOnce();
			// A full batch means more may be waiting: go on at once.
			Duration pause = poll.error() != null ? state.retryIn()
					: poll.moved() >= settings.batchSize() ? Duration.ZERO : settings.pollInterval();
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	State state() {
		return state;
	}

	/**
	 * Polls once: takes what waits in the mailbox, moves what was taken. Never throws.
	 */
	public synchronized Poll pollOnce() {
		if (!settings.enabled()) {
			return new Poll(0, 0, 0, 0, 0, "IMAP intake is not configured");
		}
		MailboxPass.Counts counts = new MailboxPass.Counts();
		try {
			pass.run(connection.connect(), counts);
			state = new State(true, clock.instant(), state.lastFailure(), state.lastError(), 0, null);
			if (counts.taken + counts.duplicates > 0) {
				log.info("IMAP intake: {} taken, {} already had, {} oversize, {} unreadable, {} moved", counts.taken,
						counts.duplicates, counts.oversize, counts.unreadable, counts.moved);
			}
			return counts.poll(null);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			int failures = state.failures() + 1;
			Duration retryIn = backOff.after(failures);
			state = new State(true, state.lastSuccess(), clock.instant(), error, failures, retryIn);
			if (failures == 1 || failures == settings.failuresUntilDown()) {
				log.warn("IMAP intake: poll of {} failed ({} in a row), retrying in {}: {}", settings.mailbox(),
						failures, retryIn, error);
			}
			else {
				log.debug("IMAP intake: poll failed again", ex);
			}
			connection.disconnect();
			return counts.poll(error);
		}
	}

}
