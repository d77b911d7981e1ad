package nl.postbrug.screening;

import nl.postbrug.intake.Reason;
import nl.postbrug.intake.ReasonTexts;
import nl.postbrug.support.Bundles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Screening's reasons for a sender: words in Dutch and English for every code. */
class ScreeningReasonTests {

	private final ReasonTexts texts = Bundles.reasonTexts();

	@Test
	void everyCodeScreeningGivesHasDutchAndEnglishWords() {
		for (ScreeningReason reason : ScreeningReason.values()) {
			Reason sample = reason.with("x@example.org", "20000");
			assertThat(texts.text(sample, ReasonTexts.DUTCH)).as(reason.code()).isNotEqualTo(sample.toString());
			assertThat(texts.text(sample, ReasonTexts.ENGLISH)).as(reason.code()).isNotEqualTo(sample.toString());
		}
	}

	@Test
	void everyListedReasonHasItsOwnDutchAndEnglishWords() {
		for (RejectReason listed : RejectReason.values()) {
			Reason reason = ScreeningReason.LISTED.with(listed.name());
			String dutch = texts.text(reason, ReasonTexts.DUTCH);
			String english = texts.text(reason, ReasonTexts.ENGLISH);
			assertThat(dutch).as(listed.name()).isNotEqualTo(listed.name()).isNotEqualTo(english).endsWith(".");
			assertThat(english).as(listed.name()).isNotEqualTo(listed.name()).endsWith(".");
		}
		assertThat(texts.text(ScreeningReason.LISTED.with("CONTACT_DETAILS"), ReasonTexts.DUTCH))
			.isEqualTo("Telefoonnummers, adressen, links en rekeningnummers worden niet doorgegeven.");
	}

	@Test
	void aScreenersOwnWordsArePassedOnAsWritten() {
		Reason own = ScreeningReason.OWN_WORDS.with("Geen bankgegevens in berichten, a.u.b.");
		assertThat(texts.text(own, ReasonTexts.DUTCH)).isEqualTo("Geen bankgegevens in berichten, a.u.b.");
		assertThat(texts.text(own, ReasonTexts.ENGLISH)).isEqualTo("Geen bankgegevens in berichten, a.u.b.");
	}

	@Test
	void theSenderIsNeverToldWhichRuleRejected() {
		Reason content = ScreeningRules
			.senderReason(Finding.whole("words-reject", Finding.Severity.REJECT, "matched 'dood'"));
		assertThat(content).isEqualTo(ScreeningReason.CONTENT.with());
		assertThat(texts.text(content, ReasonTexts.ENGLISH)).contains("does not pass on").doesNotContain("dood");
		assertThat(ScreeningRules
			.senderReason(Finding.whole("rate-limit-sender", Finding.Severity.REJECT, "11th message today")))
			.isEqualTo(ScreeningReason.RATE_LIMIT.with());
	}

}
