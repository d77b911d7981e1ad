package nl.postbrug.intake.mail;

import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.Reason;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The limits checked on a mail's raw bytes, before anything parses them. */
class RawMailBoundsTests {

	private final RawMailBounds bounds = new RawMailBounds(TestMail.settings(26_214_400), TestMail.limits());

	@Test
	void anOrdinaryMailIsWithinBounds() {
		bounds.check(plain("X-Folded: a\r\n b\r\n", "Lieve Jan"));
	}

	@Test
	void aHeaderFloodIsRefusedBeforeParsing() {
		assertThat(refusal(plain("X-Flood: y\r\n".repeat(100_000), "x")))
			.isEqualTo(IntakeReason.MAIL_TOO_MANY_HEADERS.with(300));
		assertThat(refusal(plain("X-Long: " + "a".repeat(50_000) + "\r\n", "x")))
			.isEqualTo(IntakeReason.MAIL_HEADER_TOO_LONG.with(16384));
		// Continuation lines count towards their field.
		assertThat(refusal(plain("X-Folded: a\r\n" + " b\r\n".repeat(20_000), "x")))
			.isEqualTo(IntakeReason.MAIL_HEADER_TOO_LONG.with(16384));
	}

	@Test
	void aVeryLongLineIsRefused() {
		assertThat(refusal(plain("", "x".repeat(200_000)))).isEqualTo(IntakeReason.MAIL_LINE_TOO_LONG.with(100000));
	}

	@Test
	void aMailOverTheSizeLimitIsRefusedUnread() {
		RawMailBounds small = new RawMailBounds(TestMail.settings(10 * 1024), TestMail.limits());
		assertThatThrownBy(() -> small.check(new byte[30 * 1024])).isInstanceOf(MailRefused.class)
			.extracting(ex -> ((MailRefused) ex).reason())
			.isEqualTo(IntakeReason.MAIL_TOO_LARGE.with(30, 10));
	}

	private Reason refusal(byte[] raw) {
		return catchThrowableOfType(MailRefused.class, () -> bounds.check(raw)).reason();
	}

}
