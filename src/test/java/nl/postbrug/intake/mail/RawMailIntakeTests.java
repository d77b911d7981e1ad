package nl.postbrug.intake.mail;

import java.util.UUID;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.NewMessage;
import nl.postbrug.intake.Receipt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.dao.QueryTimeoutException;

import static nl.postbrug.intake.mail.TestMail.bytes;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The one path of a raw mail into the store: read, oversize or unreadable, every mail is
 * stored once with what became of it. (The store itself is a collaborator here; the
 * channels' tests run it for real.)
 */
class RawMailIntakeTests {

	private final MessageIntake store = mock(MessageIntake.class);

	private final MailReader reader = spy(TestMail.reader(64 * 1024));

	private final RawMailIntake rawMail = new RawMailIntake(reader, store, TestMail.settings(64 * 1024));

	private final Receipt receipt = new Receipt(UUID.randomUUID(), MessageStatus.RECEIVED, false);

	@BeforeEach
	void storeAnswers() {
		when(store.store(any(), anyString())).thenReturn(receipt);
	}

	@Test
	void aReadableMailIsStoredAsRead() {
		RawMailIntake.Taken taken = rawMail.take(plain("", "Lieve Jan"), Channel.IMAP);
		assertThat(taken.kind()).isEqualTo(RawMailIntake.Kind.READ);
		assertThat(taken.problem()).isNull();
		assertThat(taken.receipt()).isEqualTo(receipt);
		assertThat(stored("imap").content().body()).isEqualTo("Lieve Jan");
	}

	@Test
	void anUnreadableMailIsStoredWithItsBytesAndReason() {
		byte[] flood = plain("X-Flood: y\r\n".repeat(400), "x");
		RawMailIntake.Taken taken = rawMail.take(flood, Channel.DROP_FOLDER);
		assertThat(taken.kind()).isEqualTo(RawMailIntake.Kind.UNREADABLE);
		assertThat(taken.problem()).isEqualTo(IntakeReason.MAIL_TOO_MANY_HEADERS.with(300));
		NewMessage stored = stored("drop-folder");
		assertThat(stored.evidence().source()).isEqualTo(flood);
		assertThat(stored.notes().refusal()).isEqualTo(taken.problem());
		assertThat(stored.notes().mayAnswer()).isFalse();
	}

	@Test
	void aMailOverTheLimitIsStoredFromItsHeadersAlone() {
		byte[] big = TestMail.withAttachment("application/zip", "a.zip", new byte[200 * 1024]);
		RawMailIntake.Taken taken = rawMail.take(big, Channel.DROP_FOLDER);
		assertThat(taken.kind()).isEqualTo(RawMailIntake.Kind.OVERSIZE);
		assertThat(taken.problem().code()).isEqualTo(IntakeReason.MAIL_TOO_LARGE.code());
		NewMessage stored = stored("drop-folder");
		assertThat(new String(stored.evidence().source(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("Subject: bijlage")
			.doesNotContain("Lieve Jan");
		assertThat(stored.sender().email()).isEqualTo("anna@example.org");
	}

	@Test
	void aParserThatGivesUpMakesAnUnreadableRecordNotAPoisonMail() {
		byte[] mail = plain("", "x");
		doThrow(new IllegalStateException("parser bug")).when(reader).read(eq(mail), any());
		RawMailIntake.Taken taken = rawMail.take(mail, Channel.IMAP);
		assertThat(taken.kind()).isEqualTo(RawMailIntake.Kind.UNREADABLE);
		assertThat(taken.problem()).isEqualTo(IntakeReason.MAIL_UNREADABLE.with("IllegalStateException"));
		assertThat(stored("imap").evidence().source()).isEqualTo(mail);
	}

	@Test
	void aFailingRegistryIsNoReasonToRejectAMail() {
		byte[] mail = plain("", "x");
		doThrow(new QueryTimeoutException("database away")).when(reader).read(eq(mail), any());
		assertThatThrownBy(() -> rawMail.take(mail, Channel.IMAP)).isInstanceOf(QueryTimeoutException.class);
		verify(store, never()).store(any(), anyString());
	}

	@Test
	void theFirstBytesOfAnOversizeFileAreEnough() {
		byte[] head = bytes("From: anna@example.org\r\nSubject: groot\r\n\r\nbegin van de tekst");
		RawMailIntake.Taken taken = rawMail.takeOversize(head, 50_000_000, Channel.DROP_FOLDER);
		assertThat(taken.kind()).isEqualTo(RawMailIntake.Kind.OVERSIZE);
		assertThat(taken.problem()).isEqualTo(IntakeReason.MAIL_TOO_LARGE.with(48828, 64));
		assertThat(new String(stored("drop-folder").evidence().source(), java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain("begin van de tekst");
	}

	private NewMessage stored(String actor) {
		ArgumentCaptor<NewMessage> stored = ArgumentCaptor.forClass(NewMessage.class);
		verify(store).store(stored.capture(), eq(actor));
		return stored.getValue();
	}

}
