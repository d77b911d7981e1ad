package nl.postbrug.batches;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.postbrug.letters.CopyCodes;
import nl.postbrug.registry.Facility;
import nl.postbrug.support.TestDatabase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim step on the embedded database: which messages a batch takes, in which order,
 * and that approved messages which already have a letter do not take the place of those
 * that have none. {@link PostgresBatchClaimTests} runs the same on PostgreSQL.
 */
class BatchClaimTests {

	static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

	@TempDir
	Path dir;

	BatchFixture db;

	Facility facility;

	long jan;

	DataSource dataSource() {
		return TestDatabase.migrated();
	}

	@BeforeEach
	void facility() {
		db = new BatchFixture(dataSource());
		facility = db.facility();
		jan = db.prisoner(facility, "A", "A-1.01", "Jan de Vries");
	}

	@Test
	void approvedMessagesWithALetterAlreadyDoNotCountAgainstTheLimit() {
		List<UUID> approved = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			approved.add(db.approved(facility, jan, T0.plusSeconds(i)));
		}
		// The first batch takes the three oldest; they stay APPROVED until it prints
		// (its printer may be off for days).
		assertThat(messagesOf(claim(3).claim(facility, "first", null, "node")))
			.containsExactlyElementsOf(approved.subList(0, 3));

		// The next batch takes the next three, not the same three again (which would
		// leave it empty).
		assertThat(messagesOf(claim(3).claim(facility, "second", null, "node")))
			.containsExactlyElementsOf(approved.subList(3, 6));
		assertThat(messagesOf(claim(3).claim(facility, "third", null, "node")))
			.containsExactlyElementsOf(approved.subList(6, 8));
		assertThat(db.jdbc.sql("SELECT COUNT(*) FROM letter WHERE facility_id = ?")
			.param(facility.id())
			.query(Long.class)
			.single()).isEqualTo(8);
	}

	@Test
	void messagesApprovedAfterTheCutOffWaitForTheNextBatch() {
		Instant cutoff = T0.plusSeconds(60);
		UUID before = db.approved(facility, jan, cutoff.minusSeconds(1));
		UUID atTheCutOff = db.approved(facility, jan, cutoff);
		UUID after = db.approved(facility, jan, cutoff.plusMillis(1));

		assertThat(messagesOf(claim(100).claim(facility, "early", cutoff, "node"))).containsExactly(before,
				atTheCutOff);
		assertThat(messagesOf(claim(100).claim(facility, "late", cutoff.plusSeconds(60), "node")))
			.containsExactly(after);
	}

	@Test
	void onlyApprovedMessagesOfTheFacilityAreTaken() {
		Facility other = db.facility();
		long piet = db.prisoner(other, "A", "A-0.01", "Piet Jansen");
		UUID approved = db.approved(facility, jan, T0);
		db.message(facility, jan, "IN_REVIEW", T0);
		db.message(facility, jan, "PRINTED", T0);
		db.message(facility, jan, "REJECTED", T0);
		db.approved(other, piet, T0);

		assertThat(messagesOf(claim(100).claim(facility, "slot", null, "node"))).containsExactly(approved);
	}

	@Test
	void lettersAreInPrintOrderByUnitCellAndNameWhateverTheOrderTheyCameIn() {
		long noUnit = db.prisoner(facility, null, "Z-9", "Zonder Afdeling");
		long b1 = db.prisoner(facility, "B", "B-1.01", "Bram");
		long a2anna = db.prisoner(facility, "A", "A-2.01", "Anna");
		long a2bert = db.prisoner(facility, "A", "A-2.01", "Bert");
		UUID toB1 = db.approved(facility, b1, T0);
		UUID toA2bert = db.approved(facility, a2bert, T0.plusSeconds(1));
		UUID toJan = db.approved(facility, jan, T0.plusSeconds(2));
		UUID toNoUnit = db.approved(facility, noUnit, T0.plusSeconds(3));
		UUID toA2anna = db.approved(facility, a2anna, T0.plusSeconds(4));

		long batchId = claim(100).claim(facility, "slot", null, "node");

		assertThat(messagesOf(batchId)).containsExactly(toNoUnit, toJan, toA2anna, toA2bert, toB1);
		assertThat(db.letters.letters(batchId)).extracting(LetterStore.LetterRow::position)
			.containsExactly(0, 1, 2, 3, 4);
	}

	@Test
	void everyLetterGetsItsFirstCopyCodeAndTheBatchStartsAssembling() {
		db.approved(facility, jan, T0);
		db.approved(facility, jan, T0.plusSeconds(1));

		long batchId = claim(100).claim(facility, "slot", null, "node");

		List<LetterStore.LetterRow> rows = db.letters.letters(batchId);
		assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(CopyCodes.isWellFormed(row.code())).isTrue());
		assertThat(rows.get(0).code()).isNotEqualTo(rows.get(1).code());
		assertThat(db.letters.items(batchId)).extracting(BatchView.Item::code)
			.containsExactly(rows.get(0).code(), rows.get(1).code());
		BatchView batch = db.batches.batch(batchId).orElseThrow();
		assertThat(batch.status()).isEqualTo(BatchStatus.ASSEMBLING);
		assertThat(batch.owner()).isEqualTo("node");
		assertThat(batch.createdAt()).isEqualTo(T0.plusSeconds(3600));
	}

	@Test
	void aSlotMakesOneBatchAndASecondClaimTakesNothing() {
		UUID approved = db.approved(facility, jan, T0);
		long first = claim(100).claim(facility, "slot", null, "node-a");

		assertThatThrownBy(() -> claim(100).claim(facility, "slot", null, "node-b"))
			.isInstanceOf(DuplicateKeyException.class);
		assertThat(messagesOf(first)).containsExactly(approved);
		assertThat(messagesOf(claim(100).claim(facility, "next", null, "node-b"))).isEmpty();
	}

	private BatchClaim claim(int maxLetters) {
		return new BatchClaim(db.batches, db.letters,
				BatchFixture.settings(dir, maxLetters, Duration.ofMinutes(5), Duration.ofHours(1)), db.transactions,
				Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
	}

	private List<UUID> messagesOf(long batchId) {
		return db.letters.letters(batchId).stream().map(LetterStore.LetterRow::messageId).toList();
	}

}
