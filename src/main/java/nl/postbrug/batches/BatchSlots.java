package nl.postbrug.batches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import nl.postbrug.intake.MessageStatus;
import nl.postbrug.registry.Facility;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the postroom and the operations page show about the batches to come: a facility's
 * next scheduled slot and how many letters wait for a batch, and whether this node is
 * still making up slots it missed while it was down.
 */
@Component
public class BatchSlots {

	/** A slot due this long ago and not yet fired is a missed one still being made up. */
	/**
	 * The Quartz group of the facilities' batch triggers (see {@code BatchSchedules}).
	 */
	private static final String SCHEDULES = "batches";

	private static final Duration FIRING_GRACE = Duration.ofSeconds(5);

	/**
	 * The next scheduled batch of a facility ({@code at} empty when it has no schedule)
	 * and the approved messages that have no letter yet: the next batch takes them (up to
	 * its cut-off and {@code max-letters-per-batch}).
	 */
	public record NextSlot(Optional<Instant> at, int lettersWaiting) {
	}

	private final Scheduler scheduler;

	private final JdbcClient jdbc;

	private final BatchStore batches;

	private final BatchNode node;

	private final Clock clock;

	BatchSlots(Scheduler scheduler, JdbcTemplate jdbc, BatchStore batches, BatchNode node, Clock clock) {
		this.scheduler = scheduler;
		this.jdbc = JdbcClient.create(jdbc);
		this.batches = batches;
		this.node = node;
		this.clock = clock;
	}

	public NextSlot next(Facility facility) {
		return new NextSlot(nextFireTime(facility.code()).map(Date::toInstant), lettersWaiting(facility.id()));
	}

	/** Approved messages of the facility without a letter: waiting for a batch. */
	public int lettersWaiting(long facilityId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM message m WHERE m.facility_id = ? AND m.status = ?
				AND NOT EXISTS (SELECT 1 FROM letter l WHERE l.message_id = m.id)
				""").params(facilityId, MessageStatus.APPROVED.name()).query(Integer.class).single();
	}

	/**
	 * Whether a slot that was due is still to be made up (its trigger not yet fired), or
	 * this node is still assembling a batch: the start-up work of batches is not done.
	 */
	public boolean catchingUp() {
		Instant due = clock.instant().minus(FIRING_GRACE);
		try {
			for (TriggerKey key : scheduler
				.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals(SCHEDULES))) {
				Trigger trigger = scheduler.getTrigger(key);
				if (trigger != null && trigger.getNextFireTime() != null
						&& trigger.getNextFireTime().toInstant().isBefore(due)) {
					return true;
				}
			}
		}
		catch (SchedulerException ex) {
			return true;
		}
		return batches.inStatus(BatchStatus.ASSEMBLING).stream().anyMatch(batch -> node.id().equals(batch.owner()));
	}

	private Optional<Date> nextFireTime(String facility) {
		try {
			Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(facility, SCHEDULES));
			return Optional.ofNullable(trigger == null ? null : trigger.getNextFireTime());
		}
		catch (SchedulerException ex) {
			return Optional.empty();
		}
	}

}
