package nl.postbrug.intake.mail;

import java.time.Duration;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.NewMessage;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.bytes;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * One mail to one message: the parts (sender, addressing, body, notes) come together, and
 * a mail that cannot be read whole still becomes a record with its reason. The parts have
 * their own tests beside this one.
 */
class MailReaderTests {

	private final MailReader reader = TestMail.reader();

	private NewMessage read(byte[] raw) {
		return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> reader.read(raw, Channel.DROP_FOLDER));
	}

	@Test
	void anOrdinaryMailBecomesAMessageForTheTaggedPrisoner() {
		byte[] raw = plain("", "Lieve Jan,\r\ntot snel!");
		NewMessage message = read(raw);
		assertThat(message.channel()).isEqualTo(Channel.DROP_FOLDER);
		assertThat(message.sender()).isEqualTo(new NewMessage.Sender("anna@example.org", "Anna de Vries", 7L));
		assertThat(message.addressing().prisonerId()).isEqualTo(TestMail.JAN.id());
		assertThat(message.addressing().facilityId()).isEqualTo(TestMail.JAN.facilityId());
		assertThat(message.addressing().addressedTo()).isEqualTo("post+1000000001@postbrug.example.org");
		assertThat(message.content().subject()).isEqualTo("Hallo");
		assertThat(message.content().body()).isEqualTo("Lieve Jan,\ntot snel!");
		assertThat(message.evidence().source()).isEqualTo(raw);
		assertThat(message.evidence().sourceHash()).isEqualTo(SourceHash.of(raw));
		assertThat(message.notes().refusal()).isNull();
		assertThat(message.notes().noReply()).isNull();
		assertThat(message.notes().authFailures()).isEmpty();
		assertThat(message.notes().notTaken()).isEmpty();
	}

	@Test
	void whatTheHeadersSayIsNoted() {
		NewMessage message = read(plain(
				"Auto-Submitted: auto-replied\r\n"
						+ "Authentication-Results: mx.postbrug.example.org; spf=fail smtp.mailfrom=example.org\r\n",
				"weg"));
		assertThat(message.notes().noReply()).isEqualTo(IntakeReason.AUTOMATIC.with("auto-replied"));
		assertThat(message.notes().authFailures()).containsExactly("spf=fail");
	}

	@Test
	void partsLeftOutAreListedInTheNotes() {
		NewMessage message = read(TestMail.withAttachment("application/pdf", "brief.pdf", bytes("%PDF-1.4")));
		assertThat(message.content().body()).isEqualTo("Lieve Jan, kijk eens.");
		assertThat(message.notes().notTaken()).containsExactly(IntakeReason.PART_NOT_ALLOWED.with("brief.pdf"));
	}

	@Test
	void aMailRefusedForItsPartsKeepsItsSenderAndSourceButNoContent() {
		StringBuilder mail = new StringBuilder("From: anna@example.org\r\nTo: post+1000000001@postbrug.example.org\r\n"
				+ "Subject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n");
		for (int i = 0; i < 200; i++) {
			mail.append("--p\r\nContent-Type: text/plain\r\n\r\n").append(i).append("\r\n");
		}
		mail.append("--p--\r\n");
		NewMessage message = read(bytes(mail.toString()));
		assertThat(message.notes().refusal()).isEqualTo(IntakeReason.MAIL_TOO_MANY_PARTS.with(100));
		assertThat(message.sender().email()).isEqualTo("anna@example.org");
		assertThat(message.addressing().prisonerId()).isEqualTo(TestMail.JAN.id());
		assertThat(message.content().body()).isEmpty();
		assertThat(message.evidence().source()).isNotEmpty();
	}

	@Test
	void aMailThatCannotBeTakenIsRefusedWithItsReason() {
		assertThatThrownBy(() -> read(plain("X-Flood: y\r\n".repeat(400), "x"))).isInstanceOf(MailRefused.class)
			.extracting(ex -> ((MailRefused) ex).reason())
			.isEqualTo(IntakeReason.MAIL_TOO_MANY_HEADERS.with(300));
		assertThatThrownBy(() -> read(bytes("Subject: x\r\n\r\nbody"))).isInstanceOf(MailRefused.class)
			.extracting(ex -> ((MailRefused) ex).reason())
			.isEqualTo(IntakeReason.MAIL_NO_SENDER.with());
		byte[] big = TestMail.withAttachment("application/zip", "archive.zip", new byte[30 * 1024 * 1024]);
		assertThatThrownBy(() -> read(big)).isInstanceOf(MailRefused.class)
			.extracting(ex -> ((MailRefused) ex).reason().code(), ex -> ((MailRefused) ex).reason().args().get(1))
			.containsExactly(IntakeReason.MAIL_TOO_LARGE.code(), "25600");
	}

	@Test
	void unreadableMailIsRecordedWithItsReasonAndNeverAnswered() {
		byte[] flood = plain("X-Flood: y\r\n".repeat(1000), "x");
		NewMessage recorded = reader.unreadable(flood, IntakeReason.MAIL_TOO_MANY_HEADERS.with(300), Channel.IMAP);
		assertThat(recorded.sender().email()).isEqualTo("anna@example.org");
		assertThat(recorded.sender().contactId()).isNull();
		assertThat(recorded.notes().refusal()).isEqualTo(IntakeReason.MAIL_TOO_MANY_HEADERS.with(300));
		assertThat(recorded.notes().mayAnswer()).isFalse();
		assertThat(recorded.evidence().source()).isEqualTo(flood);
		assertThat(recorded.evidence().sourceHash()).hasSize(64);
		assertThat(reader.unreadable(bytes("\u0000\u0001garbage"), IntakeReason.MAIL_NO_SENDER.with(), Channel.IMAP)
			.sender()
			.email()).isEqualTo("unknown");
	}

	@Test
	void anOversizeMailIsRecordedFromItsHeadersAndItsSenderTold() {
		byte[] headers = HeaderBlock.of(plain("", "x"), HeaderBlock.MAX_BYTES);
		NewMessage recorded = reader.oversize(headers, 30L * 1024 * 1024, Channel.IMAP);
		assertThat(recorded.notes().refusal()).isEqualTo(IntakeReason.MAIL_TOO_LARGE.with(30720, 25600));
		assertThat(recorded.notes().mayAnswer()).isTrue();
		assertThat(recorded.sender().contactId()).isEqualTo(TestMail.ANNA.id());
		assertThat(recorded.addressing().prisonerId()).isEqualTo(TestMail.JAN.id());
		assertThat(recorded.content().subject()).isEqualTo("Hallo");
		assertThat(recorded.content().body()).isEmpty();
		assertThat(recorded.evidence().source()).isEqualTo(headers);
		assertThat(recorded.evidence().sourceHash()).isNotEqualTo(SourceHash.of(headers));
	}

	@Test
	void anOversizeMailWithoutASenderIsRecordedAndNeverAnswered() {
		NewMessage recorded = reader.oversize(bytes("Subject: big\r\n"), 30L * 1024 * 1024, Channel.DROP_FOLDER);
		assertThat(recorded.sender().email()).isEqualTo("unknown");
		assertThat(recorded.notes().refusal().code()).isEqualTo(IntakeReason.MAIL_TOO_LARGE.code());
		assertThat(recorded.notes().noReply()).isEqualTo(IntakeReason.MAIL_NO_SENDER.with());
	}

}
