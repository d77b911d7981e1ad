package nl.postbrug.notify;

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
		assertThat(SenderMail.rejected(ID, "The mail is 4100 KB; the limit is 2048 KB. Send fewer or smaller photos.").body())
			.contains("De e-mail is 4100 KB; de grens is 2048 KB.");
		assertThat(SenderMail.rejected(ID, "Something new").body()).contains("Reden: zie de Engelse tekst hieronder.")
			.contains("Reason: Something new");
	}

	@Test
	void aReceiptNamesWhatWasNotTaken() {
		var notTaken = SenderNotifications.notTaken(
				"Received by email; not taken: attachment 'a.pdf': only text and JPEG or PNG photos can be sent; photo 'b.png' is damaged\u0007");
		assertThat(notTaken).containsExactly("attachment 'a.pdf': only text and JPEG or PNG photos can be sent",
				"photo 'b.png' is damaged");
		SenderMail mail = SenderMail.received(ID, notTaken);
		assertThat(mail.subject()).isEqualTo("Postbrug: bericht ontvangen / message received (0a1b2c3d)");
		assertThat(mail.body()).contains("Niet meegenomen").contains("Not taken").contains("- attachment 'a.pdf'");
		assertThat(SenderNotifications.notTaken("Received through the web portal")).isEmpty();
	}

}
