package nl.postbrug.notify;

import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.Reason;
import nl.postbrug.support.Bundles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of sender mail, written from structured reasons: its Dutch and its English
 * words, Dutch first, and nothing that could change how it reads.
 */
class SenderMailsTests {

	private static final UUID ID = UUID.fromString("0a1b2c3d-0000-0000-0000-000000000000");

	private static final String FOOTER = "\n-- \nPostbrug\n"
			+ "Deze e-mail is automatisch verstuurd. Antwoorden op deze e-mail worden niet gelezen.\n"
			+ "This mail was sent automatically. Replies to it are not read.\n";

	private final SenderMails mails = new SenderMails(Bundles.messageSource(), Bundles.reasonTexts());

	@Test
	void aReceiptSaysInDutchAndEnglishThatTheMessageIsBeingChecked() {
		SenderMail mail = mails.received(ID, List.of(), List.of());
		assertThat(mail.subject()).isEqualTo("Postbrug: bericht ontvangen / message received (0a1b2c3d)");
		assertThat(mail.body()).isEqualTo("""
				Uw bericht (kenmerk 0a1b2c3d) is ontvangen en wordt nu gecontroleerd.
				Als het niet kan worden bezorgd, laten we u dat weten.

				---

				Your message (reference 0a1b2c3d) was received and is being checked.
				You will be told if it cannot be delivered.
				""" + FOOTER);
	}

	@Test
	void aDeliveryNoticeSaysTheLetterWasHandedOverInDutchAndEnglish() {
		SenderMail mail = mails.delivered(ID);
		assertThat(mail.subject()).isEqualTo("Postbrug: brief overhandigd / letter handed over (0a1b2c3d)");
		assertThat(mail.body()).isEqualTo("""
				De brief met uw bericht (kenmerk 0a1b2c3d) is aan de ontvanger overhandigd.

				---

				The letter with your message (reference 0a1b2c3d) was handed to the recipient.
				""" + FOOTER);
	}

	@Test
	void aReturnNoticeGivesTheReasonInDutchAndEnglish() {
		SenderMail mail = mails.returned(ID, IntakeReason.RETURNED_RELEASED.with());
		assertThat(mail.subject()).isEqualTo("Postbrug: brief niet overhandigd / letter not handed over (0a1b2c3d)");
		assertThat(mail.body()).contains("kon niet worden overhandigd.\nReden: De ontvanger verblijft niet meer")
			.contains("could not be handed over.\nReason: The recipient no longer stays at the facility");
		assertThat(mails.returned(ID, null).body()).doesNotContain("Reden").doesNotContain("Reason");
	}

	@Test
	void aReceiptNamesWhatWasNotTakenInBothLanguages() {
		SenderMail mail = mails.received(ID,
				List.of(IntakeReason.PART_NOT_ALLOWED.with("a.pdf"), IntakeReason.PHOTO_DAMAGED.with("b.png", "png")),
				List.of());
		String dutch = mail.body().substring(0, mail.body().indexOf("---"));
		String english = mail.body().substring(mail.body().indexOf("---"));
		assertThat(dutch).contains("""
				Deze onderdelen zijn niet meegenomen (alleen tekst en foto's in JPEG of PNG kunnen worden meegestuurd):
				- Bijlage 'a.pdf': alleen tekst en foto's in JPEG of PNG kunnen worden meegestuurd.
				- Foto 'b.png' kon niet als png worden gelezen: het bestand is beschadigd.
				""");
		assertThat(english).contains("""
				Not taken (only text and JPEG or PNG photos can be sent):
				- Attachment 'a.pdf': only text and JPEG or PNG photos can be sent.
				- Photo 'b.png' could not be read as png: it is damaged.
				""");
		assertThat(mail.body()).doesNotContain("cannot be printed").doesNotContain("afgedrukt");
	}

	@Test
	void aReceiptNamesTheCharactersTheLetterCannotPrint() {
		List<String> unprintable = SenderNotifications
			.unprintable("Hoi Jan 🦒🦒 你好, Zażółć Привет ❤ 😀 \u202E\uE000 Familie 👨\u200D👩");
		assertThat(unprintable).containsExactly("🦒 (U+1F992 GIRAFFE FACE)", "你 (U+4F60 CJK UNIFIED IDEOGRAPHS 4F60)",
				"好 (U+597D CJK UNIFIED IDEOGRAPHS 597D)", "U+E000 PRIVATE USE AREA E000", "👨 (U+1F468 MAN)",
				"👩 (U+1F469 WOMAN)");
		SenderMail mail = mails.received(ID, List.of(), unprintable);
		assertThat(mail.body()).contains(
				"Deze tekens kunnen niet worden afgedrukt; in de brief staat op hun plaats een \uFFFD:\n- 🦒 (U+1F992 GIRAFFE FACE)\n")
			.contains("These characters cannot be printed; the letter shows \uFFFD in their place:\n- 🦒")
			.contains("- U+E000 PRIVATE USE AREA E000\n")
			.doesNotContain("\uE000");
		assertThat(SenderNotifications.unprintable("Lieve Jan, alles goed.")).isEmpty();
		assertThat(SenderNotifications.unprintable(null)).isEmpty();
	}

	@Test
	void aRejectionByScreeningGivesTheReasonInDutchAndEnglish() {
		SenderMail mail = mails.rejected(ID, Reason.of("sender.not-approved", "1000000003"));
		assertThat(mail.subject()).isEqualTo("Postbrug: bericht niet bezorgd / message not delivered (0a1b2c3d)");
		assertThat(mail.body()).isEqualTo("""
				Uw bericht (kenmerk 0a1b2c3d) kan niet worden bezorgd.
				Reden: U bent geen goedgekeurd contact van gedetineerde 1000000003.

				---

				Your message (reference 0a1b2c3d) cannot be delivered.
				Reason: You are not an approved contact of prisoner 1000000003.
				""" + FOOTER);
	}

	@Test
	void aRejectionByIntakeGivesItsLimitsInBothLanguages() {
		String body = mails.rejected(ID, IntakeReason.MAIL_TOO_LARGE.with(4100, 2048)).body();
		assertThat(body).contains(
				"Reden: De e-mail is 4100 KB groot; de maximale grootte is 2048 KB. Stuur minder of kleinere foto's.")
			.contains("Reason: The mail is 4100 KB; the limit is 2048 KB. Send fewer or smaller photos.");
	}

	@Test
	void aScreenersListedReasonAndOwnWordsReachTheSender() {
		assertThat(mails.rejected(ID, Reason.of("screener.listed", "CONTACT_DETAILS")).body())
			.contains("Reden: Telefoonnummers, adressen, links en rekeningnummers worden niet doorgegeven.")
			.contains("Reason: Phone numbers, addresses, links and account numbers are not passed on.")
			.doesNotContain("CONTACT_DETAILS");
		assertThat(mails.rejected(ID, Reason.of("screener.own-words", "Geen bankgegevens, a.u.b. {0} 'x'")).body())
			.contains("Reden: Geen bankgegevens, a.u.b. {0} 'x'\n")
			.contains("Reason: Geen bankgegevens, a.u.b. {0} 'x'\n");
	}

	@Test
	void automaticMailThatWasRecordedReadsAsSuch() {
		assertThat(mails.rejected(ID, IntakeReason.AUTOMATIC.with("auto-replied")).body()).contains(
				"Reden: Vastgelegd maar niet bezorgd: dit is een automatisch verstuurd bericht (Auto-Submitted: auto-replied).")
			.contains("Reason: Recorded but not delivered: this is automatic mail (Auto-Submitted: auto-replied).");
	}

	@Test
	void aRejectionWithoutAReasonSaysSo() {
		assertThat(mails.rejected(ID, null).body()).contains("Reden: Er is geen reden vastgelegd.")
			.contains("Reason: No reason was recorded.");
	}

	@Test
	void onlyAPlainAddressIsEverARecipient() {
		assertThat(SenderNotifications.recipient("Anna@Example.org")).isEqualTo("anna@example.org");
		assertThat(SenderNotifications.recipient("anna@example.org\r\nBcc: victim@example.com")).isNull();
		assertThat(SenderNotifications.recipient("Anna <anna@example.org>")).isNull();
		assertThat(SenderNotifications.recipient("anna@example.org, victim@example.com")).isNull();
		assertThat(SenderNotifications.recipient("unknown")).isNull();
		assertThat(SenderNotifications.recipient(null)).isNull();
	}

}
