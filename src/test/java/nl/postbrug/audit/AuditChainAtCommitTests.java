package nl.postbrug.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.postbrug.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Events are chained as their transaction commits: they commit with it or not at all, in
 * the order they were appended, and concurrent writers still make one unbroken chain.
 */
class AuditChainAtCommitTests {

	@TempDir
	Path anchors;

	private AuditFixture audit;

	private DataSourceTransactionManager transactions;

	@BeforeEach
	void emptyLog() {
		audit = new AuditFixture(TestDatabase.migrated(), anchors);
		transactions = new DataSourceTransactionManager(audit.dataSource);
	}

	@Test
	void eventsWaitForTheirCommitAndKeepTheirOrder() {
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			audit.log.append("postroom", "MESSAGE_DELIVERED", "message:1", "PRINTED -> DELIVERED", null);
			audit.log.append("postroom", "SCAN_DELIVERED", "letter:1", "code PB-1", null);
			// the transaction's own connection sees no event yet, so no lock is held yet
			assertThat(audit.jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isZero();
		});
		assertThat(audit.jdbc.sql("SELECT type FROM audit_event ORDER BY seq").query(String.class).list())
			.containsExactly("MESSAGE_DELIVERED", "SCAN_DELIVERED");
		assertThat(audit.verify().valid()).isTrue();
		assertThat(audit.log.head().seq()).isEqualTo(2);
	}

	@Test
	void aRolledBackTransactionLeavesNoEventAndTheHeadWhereItWas() {
		audit.events(1);
		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			audit.log.append("postroom", "MESSAGE_DELIVERED", "message:2", "PRINTED -> DELIVERED", null);
			throw new IllegalStateException("the change failed");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(audit.log.head().seq()).isEqualTo(1);
		assertThat(audit.jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isEqualTo(1);
		assertThat(audit.verify().valid()).isTrue();
	}

	@Test
	void anInnerTransactionCommitsItsOwnEventsOnly() {
		TransactionTemplate inner = new TransactionTemplate(transactions);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			audit.log.append("admin", "PRISONER_RELEASED", "prisoner:1", "outer", null);
			inner
				.executeWithoutResult(innerTx -> audit.log.append("system", "BATCH_PRINTED", "batch:1", "inner", null));
			throw new IllegalStateException("the outer change failed");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(audit.jdbc.sql("SELECT detail FROM audit_event ORDER BY seq").query(String.class).list())
			.containsExactly("inner");
		assertThat(audit.verify().valid()).isTrue();
	}

	@Test
	void concurrentWritersMakeOneUnbrokenChainWithEveryEventOnce() throws Exception {
		int writers = 8;
		int each = 25;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			int writer = w;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < each; i++) {
					String object = "message:" + writer + "-" + i;
					new TransactionTemplate(transactions).executeWithoutResult(tx -> {
						audit.log.append("postroom", "MESSAGE_DELIVERED", object, "first", null);
						audit.log.append("postroom", "SCAN_DELIVERED", object, "second", null);
					});
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> writer : done) {
			writer.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();
		Verification verification = audit.verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.events()).isEqualTo(writers * each * 2);
		assertThat(audit.jdbc.sql("SELECT COUNT(DISTINCT subject) FROM audit_event").query(Long.class).single())
			.isEqualTo(writers * each);
		// each transaction's two events stay next to each other, in their order
		List<String[]> rows = audit.jdbc.sql("SELECT subject, detail FROM audit_event ORDER BY seq")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		for (int i = 0; i < rows.size(); i += 2) {
			assertThat(rows.get(i)[1]).isEqualTo("first");
			assertThat(rows.get(i + 1)[0]).isEqualTo(rows.get(i)[0]);
			assertThat(rows.get(i + 1)[1]).isEqualTo("second");
		}
	}

}
