package nl.postbrug.notify;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderMailTests {

	private static final UUID ID = UUID.fromString("0a1b2c3d-0000-0000-0000-000000000000");

	@Test
	void onlyAPlainAddressIsEverARecipient() {
		assertThat(SenderNotifications.recipient("Anna@Example.org")).isEqualTo("anna@example.org");
		assertThat(SenderNotifications.recipient("anna@example.org\r\nBcc: victim@example.com")).isNull();
		assertThat(SenderNotifications.recipient("Anna <anna@example.org>")).isNull();
		assertThat(SenderNotifications.recipient("anna@example.org, victim@example.com")).isNull();
		assertThat(SenderNotifications.recipient("unknown")).isNull();
		assertThat(SenderNotifications.recipient(null)).isNull();
	}

	@Test
	void aRejectionGivesTheReasonInDutchAndEnglish() {
		SenderMail mail = SenderMail.rejected(ID, "You are not an approved contact of prisoner 1000000003.");
		assertThat(mail.subject()).isEqualTo("Postbrug: bericht niet bezorgd / message not delivered (0a1b2c3d)");
		assertThat(mail.body()).contains("Reden: U bent geen goedgekeurd contact van gedetineerde 1000000003.")
			.contains("Reason: You are not an approved contact of prisoner 1000000003.");
		assertThat(SenderMail.rejected(ID, "The mail is 4100 KB; the limit is 2048 KB. Send fewer or smaller photos.")
			.body()).contains("De e-mail is 4100 KB; de grens is 2048 KB.");
		assertThat(SenderMail.rejected(ID, "Something new").body()).contains("Reden: zie de Engelse tekst hieronder.")
			.contains("Reason: Something new");
	}

	@Test
	void aReceiptNamesWhatWasNotTaken() {
		var notTaken = SenderNotifications.notTaken(
				"Received by email; not taken: attachment 'a.pdf': only text and JPEG or PNG photos can be sent; photo 'b.png' is damaged\u0007");
		assertThat(notTaken).containsExactly("attachment 'a.pdf': only text and JPEG or PNG photos can be sent",
				"photo 'b.png' is damaged");
		SenderMail mail = SenderMail.received(ID, notTaken, List.of());
		assertThat(mail.subject()).isEqualTo("Postbrug: bericht ontvangen / message received (0a1b2c3d)");
		assertThat(mail.body()).contains("Niet meegenomen").contains("Not taken").contains("- attachment 'a.pdf'");
		assertThat(SenderNotifications.notTaken("Received through the web portal")).isEmpty();
		assertThat(mail.body()).doesNotContain("afgedrukt").doesNotContain("cannot be printed");
	}

	@Test
	void aReceiptNamesTheCharactersTheLetterCannotPrint() {
		List<String> unprintable = SenderNotifications
			.unprintable("Hoi Jan 🦒🦒 你好, Zażółć Привет ❤ 😀 \u202E\uE000 Familie 👨\u200D👩");
		assertThat(unprintable).containsExactly("🦒 (U+1F992 GIRAFFE FACE)", "你 (U+4F60 CJK UNIFIED IDEOGRAPHS 4F60)",
				"好 (U+597D CJK UNIFIED IDEOGRAPHS 597D)", "U+E000 PRIVATE USE AREA E000", "👨 (U+1F468 MAN)",
				"👩 (U+1F469 WOMAN)");
		SenderMail mail = SenderMail.received(ID, List.of(), unprintable);
		assertThat(mail.body()).contains("Deze tekens kunnen niet worden afgedrukt")
			.contains("These characters cannot be printed")
			.contains("- 🦒 (U+1F992 GIRAFFE FACE)\n")
			.contains("- U+E000 PRIVATE USE AREA E000\n")
			.doesNotContain("\uE000");
		assertThat(SenderNotifications.unprintable("Lieve Jan, alles goed.")).isEmpty();
		assertThat(SenderNotifications.unprintable(null)).isEmpty();
	}

}
