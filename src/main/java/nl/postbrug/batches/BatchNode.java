package nl.postbrug.batches;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * This process as one of possibly several nodes working on batches. A node owns the
 * batches it assembles or prints and shows it is alive by a heartbeat on each of them; a
 * batch whose heartbeat is older than {@code stale-after} belongs to a node that died,
 * and any node may take it over.
 */
@Component
class BatchNode implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BatchNode.class);

	private final String id;

	private final BatchStore store;

	private final BatchSettings settings;

	private final Clock clock;

	private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "batch-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private final ConcurrentHashMap<Long, ScheduledFuture<?>> running = new ConcurrentHashMap<>();

	private final boolean clustered;

	BatchNode(BatchStore store, BatchSettings settings, Clock clock, DataSource dataSource) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.id = settings.nodeId() == null || settings.nodeId().isBlank() ? defaultId() : settings.nodeId();
		this.clustered = clustered(dataSource);
		log.info("Batches run as node {}{}", id, clustered ? " (clustered: other nodes may share the work)" : "");
	}

	/**
	 * Whether several nodes may share the database: on PostgreSQL, where Quartz runs
	 * clustered. On the embedded database this process is the only node, so whatever
	 * another node id left is orphaned.
	 */
	static boolean clustered(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product.toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the batches run on", ex);
		}
	}

	boolean clustered() {
		return clustered;
	}

	String id() {
		return id;
	}

	/** A heartbeat older than this means the batch's worker is gone. */
	Instant staleBefore() {
		return clock.instant().minus(settings.staleAfter());
	}

	/** Keeps this node's claim on a batch fresh until the returned handle is closed. */
	Work working(long batchId) {
		long every = Math.max(200, settings.staleAfter().toMillis() / 4);
		ScheduledFuture<?> beat = beats.scheduleWithFixedDelay(() -> {
			try {
				store.heartbeat(batchId, id, clock.instant());
			}
			catch (RuntimeException ex) {
				log.warn("Heartbeat for batch {} failed: {}", batchId, ex.getMessage());
			}
		}, every, every, TimeUnit.MILLISECONDS);
		ScheduledFuture<?> previous = running.put(batchId, beat);
		if (previous != null) {
			previous.cancel(false);
		}
		return () -> {
			if (running.remove(batchId, beat)) {
				beat.cancel(false);
			}
		};
	}

	interface Work extends AutoCloseable {

		@Override
		void close();

	}

	@Override
	public void destroy() {
		beats.shutdownNow();
	}

	private static String defaultId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		return host + "-" + ProcessHandle.current().pid() + "-" + ManagementFactory.getRuntimeMXBean().getStartTime();
	}

}
