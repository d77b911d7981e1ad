package nl.postbrug.batches;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import javax.sql.DataSource;

import nl.postbrug.registry.Facility;
import nl.postbrug.support.TestDatabase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Batch moves as compare-and-set in SQL, guarded by {@link BatchStatus}'s table, on the
 * embedded database; {@link PostgresBatchStoreTests} runs the same on PostgreSQL.
 */
class BatchStoreTests {

	static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

	BatchFixture db;

	BatchStore store;

	Facility facility;

	DataSource dataSource() {
		return TestDatabase.migrated();
	}

	@BeforeEach
	void facility() {
		db = new BatchFixture(dataSource());
		store = db.batches;
		facility = db.facility();
	}

	@Test
	void ofTwoWorkersMovingTheSameBatchOnlyOneSucceeds() {
		long id = assembled("node-a");

		assertThat(store.startPrinting(id, "node-a", T0, false)).isTrue();
		assertThat(store.startPrinting(id, "node-b", T0, true)).isFalse();
		assertThat(store.batch(id).orElseThrow().owner()).isEqualTo("node-a");
		assertThat(store.printed(id, "node-b", T0, "printer")).as("not node-b's batch").isFalse();
		assertThat(store.printFailed(id, "node-b", "off", T0)).isFalse();
		assertThat(store.printed(id, "node-a", T0, "printer")).isTrue();
		assertThat(store.batch(id).orElseThrow().status()).isEqualTo(BatchStatus.PRINTED);
		assertThat(store.printedByHand(id, T0, "by hand: postroom")).as("printed already").isFalse();
	}

	@Test
	void aMoveTheTableDoesNotAllowIsRefusedBeforeTheDatabaseIsAsked() {
		long id = assembled("node-a");
		store.startPrinting(id, "node-a", T0, false);
		store.printed(id, "node-a", T0, "printer");

		assertThatThrownBy(
				() -> store.move(id, EnumSet.of(BatchStatus.PRINTED), BatchStatus.PRINTING, "", "", Map.of()))
			.isInstanceOf(IllegalStateException.class)
			.isInstanceOf(IllegalBatchTransition.class)
			.hasMessage("Batch " + id + " cannot move from PRINTED to PRINTING");
		assertThatThrownBy(() -> store.move(id, EnumSet.of(BatchStatus.ASSEMBLED, BatchStatus.ASSEMBLING),
				BatchStatus.PRINTING, "", "", Map.of()))
			.isInstanceOf(IllegalBatchTransition.class)
			.hasMessageContaining("from ASSEMBLING to PRINTING");
		assertThat(store.batch(id).orElseThrow().status()).isEqualTo(BatchStatus.PRINTED);
	}

	@Test
	void aBatchBackInPrintingCountsTheAttemptAndNoLongerShowsTheLastFailure() {
		long id = assembled("node-a");
		store.startPrinting(id, "node-a", T0, false);
		assertThat(store.batch(id).orElseThrow().printAttempts()).isEqualTo(1);
		store.printFailed(id, "node-a", "Printer ipp://p/ipp/print is unreachable", T0.plusSeconds(300));
		BatchView failed = store.batch(id).orElseThrow();
		assertThat(failed.status()).isEqualTo(BatchStatus.PRINT_FAILED);
		assertThat(failed.failure()).contains("unreachable");
		assertThat(failed.nextRetryAt()).isEqualTo(T0.plusSeconds(300));

		assertThat(store.startPrinting(id, "node-b", T0.plusSeconds(300), false)).isTrue();

		BatchView again = store.batch(id).orElseThrow();
		assertThat(again.status()).isEqualTo(BatchStatus.PRINTING);
		assertThat(again.failure()).isNull();
		assertThat(again.nextRetryAt()).isNull();
		assertThat(again.printAttempts()).isEqualTo(2);
		assertThat(again.owner()).isEqualTo("node-b");
	}

	@Test
	void aFailedBatchIsTakenForPrintingWhenItsRetryIsDueOrStaffAsk() {
		long id = assembled("node-a");
		store.startPrinting(id, "node-a", T0, false);
		store.printFailed(id, "node-a", "off", T0.plusSeconds(300));

		assertThat(store.dueForRetry(T0.plusSeconds(299))).extracting(BatchView::id).doesNotContain(id);
		assertThat(store.startPrinting(id, "node-a", T0.plusSeconds(299), false)).isFalse();
		assertThat(store.dueForRetry(T0.plusSeconds(300))).extracting(BatchView::id).contains(id);
		assertThat(store.startPrinting(id, "node-a", T0.plusSeconds(1), true)).as("staff: print again now").isTrue();
	}

	@Test
	void staffMarkOnlyAWaitingBatchPrintedByHand() {
		long printing = assembled("node-a");
		store.startPrinting(printing, "node-a", T0, false);
		assertThat(store.printedByHand(printing, T0, "by hand: postroom")).as("the printer has it").isFalse();

		long waiting = assembled("node-a");
		assertThat(store.printedByHand(waiting, T0, "by hand: postroom")).isTrue();
		BatchView done = store.batch(waiting).orElseThrow();
		assertThat(done.status()).isEqualTo(BatchStatus.PRINTED);
		assertThat(done.printedBy()).isEqualTo("by hand: postroom");
		assertThat(done.printedAt()).isEqualTo(T0);
	}

	@Test
	void onlyTheWorkerWritingABatchMarksItAssembled() {
		long id = store.insertBatch(facility.id(), "slot-" + System.nanoTime(), nl.postbrug.letters.CopyCodes.newCode(),
				T0, T0, "node-a");
		assertThat(store.assembled(id, "node-b", "/tmp/b.pdf", 0, 2)).isFalse();
		assertThat(store.assembled(id, "node-a", "/tmp/a.pdf", 0, 2)).isTrue();
		assertThat(store.assembled(id, "node-a", "/tmp/a.pdf", 0, 2)).as("once").isFalse();
		assertThat(store.pdfPath(id)).hasValue("/tmp/a.pdf");
	}

	@Test
	void aBatchIsTakenOverOnlyWhenItsWorkerHasGoneQuiet() {
		long id = store.insertBatch(facility.id(), "slot-" + System.nanoTime(), nl.postbrug.letters.CopyCodes.newCode(),
				T0, T0, "node-a");
		assertThat(store.takeOver(id, "node-b", T0.plusSeconds(10), T0.minusSeconds(60), null)).isFalse();
		assertThat(store.orphaned(T0.plusSeconds(1), null)).extracting(BatchView::id).contains(id);
		assertThat(store.takeOver(id, "node-b", T0.plusSeconds(70), T0.plusSeconds(1), null)).isTrue();
		assertThat(store.batch(id).orElseThrow().owner()).isEqualTo("node-b");
		assertThat(store.batch(id).orElseThrow().status()).isEqualTo(BatchStatus.ASSEMBLING);
		// on a single node, whatever another process left is taken at once
		assertThat(store.takeOver(id, "node-c", T0.plusSeconds(71), T0, "node-c")).isTrue();
	}

	private long assembled(String node) {
		long id = store.insertBatch(facility.id(), "slot-" + System.nanoTime(), nl.postbrug.letters.CopyCodes.newCode(),
				T0, T0, node);
		assertThat(store.assembled(id, node, "/tmp/batch-" + id + ".pdf", 0, 2)).isTrue();
		return id;
	}

}
