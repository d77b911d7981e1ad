package nl.postbrug.batches;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static nl.postbrug.batches.BatchStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class BatchStatusTests {

	@Test
	void aBatchIsAssembledThenPrinted() {
		assertThat(ASSEMBLING.canMoveTo(ASSEMBLED)).isTrue();
		assertThat(ASSEMBLED.canMoveTo(PRINTING)).isTrue();
		assertThat(PRINTING.canMoveTo(PRINTED)).isTrue();
	}

	@Test
	void aFailedPrintIsTriedAgainOrPrintedByHand() {
		assertThat(PRINTING.canMoveTo(PRINT_FAILED)).isTrue();
		assertThat(PRINT_FAILED.canMoveTo(PRINTING)).isTrue();
		assertThat(PRINT_FAILED.canMoveTo(PRINTED)).isTrue();
		assertThat(ASSEMBLED.canMoveTo(PRINTED)).isTrue();
	}

	@Test
	void nothingIsPrintedBeforeItIsAssembledNorAssembledAgain() {
		assertThat(ASSEMBLING.canMoveTo(PRINTING)).isFalse();
		assertThat(ASSEMBLING.canMoveTo(PRINTED)).isFalse();
		assertThat(ASSEMBLING.canMoveTo(PRINT_FAILED)).isFalse();
		assertThat(ASSEMBLED.canMoveTo(ASSEMBLING)).isFalse();
		assertThat(PRINTING.canMoveTo(ASSEMBLED)).isFalse();
		// a batch fails only while the printer has it
		assertThat(ASSEMBLED.canMoveTo(PRINT_FAILED)).isFalse();
		for (BatchStatus status : values()) {
			assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
		}
	}

	@Test
	void printedIsTheOnlyEndAndLeadsNowhere() {
		EnumSet<BatchStatus> terminal = EnumSet.noneOf(BatchStatus.class);
		for (BatchStatus status : values()) {
			if (status.isTerminal()) {
				terminal.add(status);
			}
		}
		assertThat(terminal).containsExactly(PRINTED);
		for (BatchStatus next : values()) {
			assertThat(PRINTED.canMoveTo(next)).isFalse();
		}
	}

	@Test
	void theStatesWithAWorkerAreTheOnesATakeOverFinishes() {
		assertThat(BatchStatus.withWorker()).containsExactlyInAnyOrder(ASSEMBLING, PRINTING);
	}

	@Test
	void staffMayActOnExactlyTheStatesThatCanBePrinted() {
		for (BatchStatus status : values()) {
			assertThat(status.waitingForPrinter()).as(status.name())
				.isEqualTo(status.canMoveTo(PRINTING) && status.canMoveTo(PRINTED));
		}
		assertThat(EnumSet.allOf(BatchStatus.class).stream().filter(BatchStatus::waitingForPrinter))
			.containsExactlyInAnyOrder(ASSEMBLED, PRINT_FAILED);
	}

}
