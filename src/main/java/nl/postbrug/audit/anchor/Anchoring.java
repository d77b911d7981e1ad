package nl.postbrug.audit.anchor;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledFuture;

import nl.postbrug.audit.AuditLog;
import nl.postbrug.audit.AuditSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Signs the chain head every {@code postbrug.audit.anchor-interval} and once more at a
 * clean shutdown, and writes it outside the database: to the anchor folder and to the
 * application log. A head that has not moved since the newest anchor is not signed again.
 * <p>
 * Stops in phase 0, after the web server and Quartz (which stop in later phases) have
 * stopped writing events, so the shutdown anchor covers the last of them.
 */
@Component
public class Anchoring implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Anchoring.class);

	private final AuditLog audit;

	private final AnchorSigner signer;

	private final AnchorFolder folder;

	private final TaskScheduler scheduler;

	private final AuditSettings settings;

	private final Clock clock;

	private SignedAnchor newest;

	private ScheduledFuture<?> schedule;

	public Anchoring(AuditLog audit, AnchorKeyring keys, AnchorFolder folder, TaskScheduler scheduler,
			AuditSettings settings, Clock clock) {
		this.audit = audit;
		this.signer = keys.signer();
		this.folder = folder;
		this.scheduler = scheduler;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Signs and writes the current head unless the newest anchor already names it.
	 * @return the anchor written, {@code null} when the head had not moved
	 */
	public synchronized SignedAnchor anchor() {
		AuditLog.Head head = audit.head();
		if (newest == null) {
			newest = folder.newest().orElse(null);
		}
		if (newest != null && newest.anchor().seq() == head.seq() && newest.anchor().hash().equals(head.hash())) {
			return null;
		}
		SignedAnchor signed = signer
			.sign(new Anchor(head.seq(), head.hash(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
		folder.write(signed);
		log.info(signed.logLine());
		newest = signed;
		return signed;
	}

	private void anchorQuietly() {
		try {
			anchor();
		}
		catch (RuntimeException ex) {
			// the next run tries again; the log shows that this one failed
			log.error("Could not write an audit anchor to {}: {}", folder.dir(), ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized void start() {
		schedule = scheduler.scheduleWithFixedDelay(this::anchorQuietly, settings.anchorInterval());
	}

	@Override
	public synchronized void stop() {
		if (schedule != null) {
			schedule.cancel(false);
			schedule = null;
			anchorQuietly();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return schedule != null;
	}

	@Override
	public int getPhase() {
		return 0;
	}

}
