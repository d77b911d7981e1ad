package nl.postbrug;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.support.AppNode;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.RequiresPostgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes, each a process of its own, on one PostgreSQL database with the
 * same batch schedule: Quartz runs clustered, each slot makes one batch, and when the
 * node working on a batch is killed in the middle of it, the other node finishes that
 * batch: every letter once, printed once. The nodes share no folder but the printer's:
 * each serves the batch PDFs the other made, from the database.
 */
@RequiresPostgres
class TwoNodeTests {

	private static final int LETTERS = 400;

	private final String schema = "postbrug_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final Map<String, AppNode> nodes = new LinkedHashMap<>();

	@Test
	void whenTheNodeAssemblingABatchIsKilledTheOtherNodeFinishesItWithoutDuplicatesOrGaps() throws Exception {
		Path shared = Path.of(DataDirs.fresh("nodes-shared"));
		Path schedule = shared.resolve("batch-schedules.properties");
		// Every 20 seconds, so a test sees several slots.
		Files.writeString(schedule, "timezone=Europe/Amsterdam\nPIA=0/20 * * * * ?\n");

		nodes.put("node-a",
				AppNode.start("node-a", arguments("node-a", shared, schedule)).awaitStarted(Duration.ofMinutes(4)));
		nodes.put("node-b",
				AppNode.start("node-b", arguments("node-b", shared, schedule)).awaitStarted(Duration.ofMinutes(4)));
		assertThat(query("SELECT COUNT(*) FROM qrtz_scheduler_state", Long.class)).isEqualTo(2L);

		// A batch made on one node downloads from the other, byte for byte, both ways.
		for (String[] pair : new String[][] { { "node-a", "node-b" }, { "node-b", "node-a" } }) {
			AppNode maker = nodes.get(pair[0]);
			AppNode other = nodes.get(pair[1]);
			HttpResponse<String> made = http(maker, "POST", "/api/v1/facilities/PIV/batches");
			assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
			long madeId = ((Number) JsonPath.read(made.body(), "$.id")).longValue();
			byte[] fromMaker = pdf(maker, madeId);
			byte[] fromOther = pdf(other, madeId);
			assertThat(new String(fromOther, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			assertThat(fromOther).isEqualTo(fromMaker);
		}

		List<String> ids = insertApprovedMessages(LETTERS);

		// The node that claims the letters is killed while it writes the batch: the batch
		// holding this test's letters (they were committed together, so one batch has
		// them all); a batch of the demo's own mail may run first and is not the one to
		// interrupt.
		Assembling assembling = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> assemblingBatchOf(ids.get(0)), found -> found != null);
		long batchId = assembling.batch();
		String owner = assembling.owner();
		assertThat(owner).as("a node started assembling the letters").isNotNull();
		nodes.get(owner).kill();
		String survivor = owner.equals("node-a") ? "node-b" : "node-a";

		long batch = batchId;
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> "PRINTED".equals(query("SELECT status FROM batch WHERE id = " + batch, String.class)));

		assertThat(query("SELECT owner FROM batch WHERE id = " + batch, String.class)).isEqualTo(survivor);
		assertThat(query("SELECT letters FROM batch WHERE id = " + batch, Integer.class))
			.isGreaterThanOrEqualTo(LETTERS);
		// Every message in exactly one letter, in that batch, and printed.
		String in = "('" + String.join("','", ids) + "')";
		assertThat(query("SELECT COUNT(*) FROM letter WHERE message_id IN " + in, Long.class))
			.isEqualTo((long) LETTERS);
		assertThat(query("SELECT COUNT(DISTINCT batch_id) FROM letter WHERE message_id IN " + in, Long.class))
			.isEqualTo(1L);
		assertThat(query("SELECT COUNT(*) FROM message WHERE status = 'PRINTED' AND id IN " + in, Long.class))
			.isEqualTo((long) LETTERS);
		// Printed once: one job in the (shared) printer folder, one audit event.
		assertThat(query(
				"SELECT COUNT(*) FROM audit_event WHERE type = 'BATCH_PRINTED' AND subject = 'batch:" + batch + "'",
				Long.class))
			.isEqualTo(1L);
		try (var jobs = Files.list(shared.resolve("printer").resolve("pia"))) {
			assertThat(
					jobs.filter(file -> file.getFileName().toString().startsWith("PIA-batch-" + batch + "-")).count())
				.isEqualTo(1);
		}
		// Each slot one batch, whichever node ran it.
		assertThat(
				query("SELECT COUNT(*) FROM (SELECT slot FROM batch GROUP BY facility_id, slot HAVING COUNT(*) > 1) d",
						Long.class))
			.isZero();
		assertThat(query("SELECT COUNT(*) FROM batch WHERE slot LIKE 'scheduled-%'", Long.class))
			.isGreaterThanOrEqualTo(1L);
		assertThat(nodes.get(survivor).alive()).isTrue();
	}

	private final HttpClient client = HttpClient.newHttpClient();

	private HttpResponse<String> http(AppNode node, String method, String path) throws Exception {
		return client.send(request(node, path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private byte[] pdf(AppNode node, long batchId) throws Exception {
		HttpResponse<byte[]> response = client.send(request(node, "/api/v1/batches/" + batchId + "/pdf").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as("batch %d from %s", batchId, node.name()).isEqualTo(200);
		return response.body();
	}

	private static HttpRequest.Builder request(AppNode node, String path) {
		String basic = java.util.Base64.getEncoder()
			.encodeToString("postroom:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
			.header("Authorization", "Basic " + basic)
			.timeout(Duration.ofMinutes(2));
	}

	/** A batch being assembled, and the node assembling it. */
	private record Assembling(long batch, String owner) {
	}

	/** The batch assembling the letter of this message, if one is. */
	private Assembling assemblingBatchOf(String messageId) throws SQLException {
		try (Connection db = connect(); PreparedStatement select = db.prepareStatement("""
				SELECT b.id, b.owner FROM batch b WHERE b.status = 'ASSEMBLING'
				AND EXISTS (SELECT 1 FROM letter l WHERE l.batch_id = b.id AND l.message_id = ?)""")) {
			select.setString(1, messageId);
			try (ResultSet rs = select.executeQuery()) {
				return rs.next() ? new Assembling(rs.getLong(1), rs.getString(2)) : null;
			}
		}
	}

	private List<String> arguments(String node, Path shared, Path schedule) {
		return List.of("--spring.profiles.active=demo", "--server.port=0",
				"--postbrug.data-dir=" + DataDirs.fresh(node),
				"--postbrug.batches.folder-printer-dir=" + shared.resolve("printer"),
				"--postbrug.batches.schedule-file=" + schedule, "--postbrug.batches.node-id=" + node,
				"--postbrug.batches.stale-after=10s", "--postbrug.batches.sweep-interval=2s",
				"--spring.datasource.url=" + RequiresPostgres.URL + "?currentSchema=" + schema,
				"--spring.datasource.username=" + RequiresPostgres.USER, "--spring.datasource.password=",
				"--spring.flyway.schemas=" + schema, "--logging.level.org.quartz=INFO");
	}

	private List<String> insertApprovedMessages(int count) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (Connection db = connect()) {
			db.setAutoCommit(false);
			List<long[]> prisoners = new ArrayList<>();
			try (PreparedStatement select = db.prepareStatement(
					"SELECT p.id, p.facility_id FROM prisoner p JOIN facility f ON f.id = p.facility_id WHERE f.code = 'PIA' ORDER BY p.id");
					ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					prisoners.add(new long[] { rs.getLong(1), rs.getLong(2) });
				}
			}
			assertThat(prisoners).isNotEmpty();
			Timestamp now = Timestamp.from(Instant.now());
			try (PreparedStatement message = db.prepareStatement(
					"""
							INSERT INTO message (id, channel, sender_email, sender_name, prisoner_id, facility_id, body, status,
							received_at, updated_at, version) VALUES (?, 'WEB', 'anna@example.org', 'Anna', ?, ?, ?, 'APPROVED', ?, ?, 0)""");
					PreparedStatement change = db.prepareStatement(
							"INSERT INTO message_status_change (message_id, at, status, detail_code) VALUES (?, ?, 'APPROVED', 'history.approved')")) {
				for (int i = 0; i < count; i++) {
					String id = UUID.randomUUID().toString();
					long[] prisoner = prisoners.get(i % prisoners.size());
					message.setString(1, id);
					message.setLong(2, prisoner[0]);
					message.setLong(3, prisoner[1]);
					message.setString(4, "Bericht " + i + ".\n\nLieve groeten, en tot snel. ".repeat(3));
					message.setTimestamp(5, now);
					message.setTimestamp(6, now);
					message.addBatch();
					change.setString(1, id);
					change.setTimestamp(2, now);
					change.addBatch();
					ids.add(id);
				}
				message.executeBatch();
				change.executeBatch();
			}
			db.commit();
		}
		return ids;
	}

	private <T> T query(String sql, Class<T> type) throws SQLException {
		try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getObject(1, type);
		}
	}

	private Connection connect() throws SQLException {
		Connection connection = DriverManager.getConnection(RequiresPostgres.URL + "?currentSchema=" + schema,
				RequiresPostgres.USER, "");
		return connection;
	}

	@AfterEach
	void stopNodesAndDropSchema() throws Exception {
		for (AppNode node : nodes.values()) {
			node.close();
		}
		try (Connection connection = DriverManager.getConnection(RequiresPostgres.URL, RequiresPostgres.USER, "")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
		}
	}

}
