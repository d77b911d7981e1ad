package nl.postbrug.intake;

import java.util.List;

import nl.postbrug.support.Bundles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Intake's reasons: data with words in Dutch and English for every code. */
class IntakeReasonTests {

	private final ReasonTexts texts = Bundles.reasonTexts();

	@Test
	void everyCodeIntakeWritesHasDutchAndEnglishWords() {
		for (IntakeReason reason : IntakeReason.values()) {
			Reason sample = reason.with("1", "2", "3");
			assertThat(texts.text(sample, ReasonTexts.DUTCH)).as(reason.code()).isNotEqualTo(sample.toString());
			assertThat(texts.text(sample, ReasonTexts.ENGLISH)).as(reason.code()).isNotEqualTo(sample.toString());
			assertThat(texts.text(sample, ReasonTexts.DUTCH)).as(reason.code()).doesNotContain("{");
			if (reason != IntakeReason.LEGACY) {
				assertThat(texts.text(sample, ReasonTexts.DUTCH)).as(reason.code())
					.isNotEqualTo(texts.text(sample, ReasonTexts.ENGLISH));
			}
		}
	}

	@Test
	void aReasonsValuesAreFilledInInTheReadersLanguage() {
		Reason tooLarge = IntakeReason.MAIL_TOO_LARGE.with(4100, 2048);
		assertThat(texts.text(tooLarge, ReasonTexts.DUTCH))
			.isEqualTo("De e-mail is 4100 KB groot; de maximale grootte is 2048 KB. Stuur minder of kleinere foto's.");
		assertThat(texts.text(tooLarge, ReasonTexts.ENGLISH))
			.isEqualTo("The mail is 4100 KB; the limit is 2048 KB. Send fewer or smaller photos.");
		// A language without a bundle reads Dutch, whatever the machine's locale.
		assertThat(texts.text(tooLarge, java.util.Locale.FRENCH)).startsWith("De e-mail");
	}

	@Test
	void aCodeWithoutWordsShowsAsCodeAndValues() {
		Reason unknown = Reason.of("no.such-code", "x");
		assertThat(texts.text(unknown, ReasonTexts.DUTCH)).isEqualTo("no.such-code [x]");
	}

	@Test
	void wordsWrittenBeforeReasonsWereCodesAreShownAsTheyWere() {
		assertThat(texts.text(IntakeReason.LEGACY.with("Received by email; it's fine"), ReasonTexts.DUTCH))
			.isEqualTo("Received by email; it's fine");
	}

	@Test
	void aReasonIsACodeAndOneLineValues() {
		Reason reason = new Reason("part.not-allowed", List.of("a\r\nBcc: x\u001F.pdf"));
		assertThat(reason.args()).containsExactly("a  Bcc: x .pdf");
		assertThat(Reason.of("mail.too-large", 1, 2).args()).containsExactly("1", "2");
		assertThat(Reason.of("part.not-allowed", "x".repeat(1200)).args().get(0)).hasSize(1000);
		assertThat(Reason.of("legacy", (Object[]) new String[12]).args()).hasSize(8);
		assertThatThrownBy(() -> Reason.of("Not a code")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Reason.of("mail..x")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aReasonIsStoredAsCodeAndValuesAndReadBackTheSame() {
		Reason reason = Reason.of("photo.too-large", "a; b.png", "", "7");
		assertThat(ReasonColumns.read(ReasonColumns.code(reason), ReasonColumns.args(reason))).isEqualTo(reason);
		Reason bare = IntakeReason.SCREENING.with();
		assertThat(ReasonColumns.args(bare)).isNull();
		assertThat(ReasonColumns.read(ReasonColumns.code(bare), ReasonColumns.args(bare))).isEqualTo(bare);
		assertThat(ReasonColumns.read(null, null)).isNull();
		assertThat(ReasonColumns.list(ReasonColumns.list(List.of("spf=fail", "dmarc=fail"))))
			.containsExactly("spf=fail", "dmarc=fail");
	}

}
