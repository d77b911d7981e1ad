package nl.postbrug.intake;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.MessageStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class MessageStatusTests {

	@Test
	void theHappyPathMovesForward() {
		assertThat(RECEIVED.canMoveTo(SCREENING)).isTrue();
		assertThat(SCREENING.canMoveTo(APPROVED)).isTrue();
		assertThat(SCREENING.canMoveTo(IN_REVIEW)).isTrue();
		assertThat(IN_REVIEW.canMoveTo(APPROVED)).isTrue();
		assertThat(APPROVED.canMoveTo(PRINTED)).isTrue();
		assertThat(PRINTED.canMoveTo(DELIVERED)).isTrue();
		assertThat(PRINTED.canMoveTo(RETURNED)).isTrue();
	}

	@Test
	void anApprovedMessageIsReturnedWhenItsRecipientLeftBeforePrinting() {
		assertThat(APPROVED.canMoveTo(RETURNED)).isTrue();
		assertThat(IN_REVIEW.canMoveTo(RETURNED)).isFalse();
		assertThat(RETURNED.canMoveTo(PRINTED)).isFalse();
	}

	@Test
	void statesNeverMoveBackOrSkipScreening() {
		assertThat(APPROVED.canMoveTo(IN_REVIEW)).isFalse();
		assertThat(PRINTED.canMoveTo(APPROVED)).isFalse();
		assertThat(RECEIVED.canMoveTo(APPROVED)).isFalse();
		assertThat(APPROVED.canMoveTo(DELIVERED)).isFalse();
		assertThat(SCREENING.canMoveTo(WITHHELD)).isFalse();
		assertThat(IN_REVIEW.canMoveTo(IN_REVIEW)).isFalse();
	}

	@Test
	void terminalStatesAreExactlyTheFourOfTheDesign() {
		EnumSet<MessageStatus> terminal = EnumSet.noneOf(MessageStatus.class);
		for (MessageStatus status : values()) {
			if (status.isTerminal()) {
				terminal.add(status);
			}
		}
		assertThat(terminal).containsExactlyInAnyOrder(DELIVERED, RETURNED, REJECTED, WITHHELD);
		for (MessageStatus status : terminal) {
			for (MessageStatus next : values()) {
				assertThat(status.canMoveTo(next)).isFalse();
			}
		}
	}

}
