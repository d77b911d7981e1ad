package nl.postbrug.batches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import nl.postbrug.batches.printer.PrintJob;
import nl.postbrug.batches.printer.Printer;
import nl.postbrug.batches.printer.PrinterUnavailable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Follows a job the printer accepted until the printer has finished it: asks every
 * {@code job-poll-interval}, records each state on the batch, and gives up after
 * {@code job-timeout} (the job is then asked about again later, never resent). Jobs staff
 * started are followed in the background, so their page does not wait for the printer.
 */
@Component
class PrintJobFollower implements DisposableBean {

	private final BatchStore batches;

	private final BatchSettings settings;

	private final Clock clock;

	private final ExecutorService background = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "batch-print-follow");
		thread.setDaemon(true);
		return thread;
	});

	PrintJobFollower(BatchStore batches, BatchSettings settings, Clock clock) {
		this.batches = batches;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The job's last state: done, or still unfinished when {@code job-timeout} passed.
	 * @throws PrinterUnavailable when the printer stops answering
	 */
	PrintJob follow(long batchId, Printer printer, PrintJob accepted) {
		PrintJob job = accepted;
		Instant deadline = clock.instant().plus(settings.jobTimeout());
		while (!job.state().done() && clock.instant().isBefore(deadline)) {
			pause(settings.jobPollInterval());
			job = printer.status(job.ref());
			batches.jobState(batchId, job.ref(), job.state().name());
		}
		return job;
	}

	/** Runs {@code following} on a thread of its own. */
	void inBackground(Runnable following) {
		background.execute(following);
	}

	/**
	 * Jobs still followed are left: their batches stay PRINTING and are taken over after
	 * a restart.
	 */
	@Override
	public void destroy() {
		background.shutdownNow();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PrinterUnavailable("Interrupted while waiting for the printer", ex);
		}
	}

}
