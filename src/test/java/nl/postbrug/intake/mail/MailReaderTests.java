package nl.postbrug.intake.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.NewMessage;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.bytes;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * MIME to message, and every kind of hostile mail the issue names: each is read within
 * bounds and ends as a message or a refusal with a reason.
 */
class MailReaderTests {

	private final MailReader reader = TestMail.reader();

	private NewMessage read(byte[] raw) {
		return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> reader.read(raw, Channel.DROP_FOLDER));
	}

	@Test
	void anOrdinaryMailBecomesAMessageForTheTaggedPrisoner() {
		NewMessage message = read(plain("", "Lieve Jan,\r\ntot snel!"));
		assertThat(message.senderEmail()).isEqualTo("anna@example.org");
		assertThat(message.contactId()).isEqualTo(TestMail.ANNA.id());
		assertThat(message.prisonerId()).isEqualTo(TestMail.JAN.id());
		assertThat(message.body()).isEqualTo("Lieve Jan,\ntot snel!");
		assertThat(message.refusal()).isNull();
		assertThat(message.noReply()).isNull();
		assertThat(message.authFailure()).isNull();
	}

	@Test
	void encodedSubjectsNamesAndFileNamesAreDecoded() {
		byte[] raw = bytes("""
				From: =?ISO-8859-1?Q?Ren=E9e_M=FCller?= <anna@example.org>\r
				To: post+1000000001@postbrug.example.org\r
				Subject: =?UTF-8?B?0J/RgNC40LLQtdGC?= =?UTF-8?Q?_=E2=80=94_groet?=\r
				MIME-Version: 1.0\r
				Content-Type: multipart/mixed; boundary=x\r
				\r
				--x\r
				Content-Type: text/plain; charset=utf-8\r
				\r
				Hoi\r
				--x\r
				Content-Type: application/pdf\r
				Content-Disposition: attachment; filename*=UTF-8''brief%20f%C3%BCr%20Jan.pdf\r
				\r
				%PDF-1.4\r
				--x--\r
				""");
		NewMessage message = read(raw);
		assertThat(message.subject()).isEqualTo("Привет — groet");
		assertThat(message.receivedDetail()).contains("brief für Jan.pdf").contains("only text and JPEG or PNG photos");
	}

	@Test
	void rawUtf8HeadersAreReadAsUtf8() {
		byte[] raw = plain("", "x");
		String mail = new String(raw, StandardCharsets.UTF_8).replace("Subject: Hallo", "Subject: Grüße aus Köln ✓");
		assertThat(read(mail.getBytes(StandardCharsets.UTF_8)).subject()).isEqualTo("Grüße aus Köln ✓");
	}

	@Test
	void aMislabelledCharsetIsReadAsWhatTheBytesAre() {
		byte[] utf8LabelledAscii = bytes(
				new String(plain("", "Café ☕"), StandardCharsets.UTF_8).replace("charset=UTF-8", "charset=us-ascii"));
		assertThat(read(utf8LabelledAscii).body()).isEqualTo("Café ☕");
		byte[] latin1LabelledUtf8 = TestMail.concat(
				new String(plain("", ""), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8),
				"\r\n\r\nCaf\u00e9 cr\u00e8me\r\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(read(latin1LabelledUtf8).body()).isEqualTo("Café crème");
		byte[] unknownCharset = bytes(new String(plain("", "Grüße"), StandardCharsets.UTF_8).replace("charset=UTF-8",
				"charset=x-no-such-charset"));
		assertThat(read(unknownCharset).body()).isEqualTo("Grüße");
	}

	@Test
	void invalidUtf8BecomesReplacementCharactersNotACrash() {
		byte[] raw = TestMail.concat(plain("", "Goed: ü."),
				new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 'e', 'n', 'd' });
		NewMessage message = read(raw);
		assertThat(message.body()).startsWith("Goed: ü.").contains("\uFFFD").endsWith("end");
	}

	@Test
	void nulBytesAreRemovedFromSubjectAndBody() {
		String mail = new String(plain("", "Hal\u0000lo\u0000 Jan"), StandardCharsets.UTF_8).replace("Subject: Hallo",
				"Subject: Ha\u0000llo");
		NewMessage message = read(mail.getBytes(StandardCharsets.UTF_8));
		assertThat(message.body()).isEqualTo("Hallo Jan");
		assertThat(message.subject()).doesNotContain("\u0000");
	}

	@Test
	void aCrlfInTheSubjectNeverSurvivesAsALineBreak() {
		String mail = new String(plain("", "x"), StandardCharsets.UTF_8).replace("Subject: Hallo",
				"Subject: =?UTF-8?Q?Hallo=0D=0ABcc:_victim@example.com=0D=0A?=");
		NewMessage message = read(mail.getBytes(StandardCharsets.UTF_8));
		assertThat(message.subject()).startsWith("Hallo").contains("Bcc:").doesNotContain("\r").doesNotContain("\n");
	}

	@Test
	void anHtmlBodyWithScriptIsReducedToItsVisibleText() {
		String mail = new String(plain("", """
				<html><head><style>p{color:red}</style><title>t</title></head><body>
				<p>Lieve <b>Jan</b>,</p><script>alert('x'); document.location='https://evil.example'</script>
				<p>tot <a href="https://tracker.example.com/x">snel</a><img src="https://tracker.example.com/p.gif"></p>
				<iframe src="https://evil.example"></iframe><br>Anna</body></html>"""), StandardCharsets.UTF_8)
			.replace("text/plain", "text/html");
		NewMessage message = read(mail.getBytes(StandardCharsets.UTF_8));
		assertThat(message.body()).contains("Lieve Jan,")
			.contains("tot snel")
			.contains("Anna")
			.doesNotContain("<")
			.doesNotContain("alert")
			.doesNotContain("color")
			.doesNotContain("http");
	}

	@Test
	void plainTextIsPreferredOverHtml() {
		byte[] raw = bytes("""
				From: anna@example.org\r
				To: post+1000000001@postbrug.example.org\r
				Subject: alt\r
				MIME-Version: 1.0\r
				Content-Type: multipart/alternative; boundary=x\r
				\r
				--x\r
				Content-Type: text/plain; charset=utf-8\r
				\r
				de tekst\r
				--x\r
				Content-Type: text/html; charset=utf-8\r
				\r
				<p>de <b>html</b></p>\r
				--x--\r
				""");
		assertThat(read(raw).body()).isEqualTo("de tekst");
	}

	@Test
	void anInlineOrMislabelledPhotoBecomesAReencodedPhoto() {
		NewMessage message = read(
				TestMail.withAttachment("application/octet-stream", "foto.bin", TestMail.png(64, 48)));
		assertThat(message.photos()).singleElement().satisfies(photo -> {
			assertThat(photo.contentType()).isEqualTo("image/jpeg");
			assertThat(photo.data()[0] & 0xFF).isEqualTo(0xFF);
			assertThat(photo.data()[1] & 0xFF).isEqualTo(0xD8);
		});
		assertThat(message.refusal()).isNull();
	}

	@Test
	void anotherAttachmentIsRefusedWithAReasonTheSenderIsTold() {
		NewMessage message = read(TestMail.withAttachment("image/png", "echt-geen-foto.png",
				"MZ this is an executable".getBytes(StandardCharsets.US_ASCII)));
		assertThat(message.photos()).isEmpty();
		assertThat(message.receivedDetail()).contains("not taken: attachment 'echt-geen-foto.png'");
		assertThat(message.body()).isEqualTo("Lieve Jan, kijk eens.");
	}

	@Test
	void aPngWhosePixelCountIsTooLargeIsRefusedBeforeDecoding() {
		NewMessage message = read(TestMail.withAttachment("image/png", "bom.png", TestMail.pngClaiming(100_000)));
		assertThat(message.photos()).isEmpty();
		assertThat(message.receivedDetail()).contains("bom.png").contains("megapixels");
	}

	@Test
	void aPngDecompressionBombIsDecodedSubsampledWithinBoundedHeap() {
		byte[] bomb = TestMail.pngBomb(6_000); // 36 megapixels: inside the limit, 30 KB
												// of deflate
		assertThat(bomb.length).isLessThan(200_000);
		NewMessage message = read(TestMail.withAttachment("image/png", "zeros.png", bomb));
		assertThat(message.photos()).singleElement();
		assertThat(message.photos().get(0).data().length).isLessThan(2_000_000);
	}

	@Test
	void aThirtyMegabyteAttachmentIsRefusedWithoutBeingRead() {
		byte[] big = new byte[30 * 1024 * 1024];
		byte[] mail = TestMail.withAttachment("application/zip", "archive.zip", big);
		assertThatThrownBy(() -> read(mail)).isInstanceOf(InvalidMessage.class)
			.hasMessageContaining("the limit is 25600 KB");
		// With a limit that lets the mail in, the attachment itself is refused after its
		// first bytes.
		NewMessage allowed = assertTimeoutPreemptively(Duration.ofSeconds(20),
				() -> TestMail.reader(64L * 1024 * 1024).read(mail, Channel.DROP_FOLDER));
		assertThat(allowed.receivedDetail()).contains("archive.zip");
		assertThat(allowed.body()).isEqualTo("Lieve Jan, kijk eens.");
	}

	@Test
	void twoHundredNestedMultipartsAreRefusedWithAReason() {
		StringBuilder mail = new StringBuilder("From: anna@example.org\r\nTo: post+1000000001@postbrug.example.org\r\n"
				+ "Subject: nest\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
		for (int i = 0; i < 200; i++) {
			mail.append("--b")
				.append(i)
				.append("\r\nContent-Type: multipart/mixed; boundary=b")
				.append(i + 1)
				.append("\r\n\r\n");
		}
		mail.append("--b200\r\nContent-Type: text/plain\r\n\r\ndiep\r\n");
		for (int i = 200; i >= 0; i--) {
			mail.append("--b").append(i).append("--\r\n");
		}
		NewMessage message = read(bytes(mail.toString()));
		assertThat(message.refusal()).isEqualTo("The mail nests parts deeper than 10 levels");
		assertThat(message.senderEmail()).isEqualTo("anna@example.org");
		assertThat(message.source()).isNotEmpty();
	}

	@Test
	void manyPartsAreRefusedWithAReason() {
		StringBuilder mail = new StringBuilder("From: anna@example.org\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=p\r\n\r\n");
		for (int i = 0; i < 5000; i++) {
			mail.append("--p\r\nContent-Type: text/plain\r\n\r\n").append(i).append("\r\n");
		}
		mail.append("--p--\r\n");
		assertThat(read(bytes(mail.toString())).refusal()).isEqualTo("The mail has more than 100 parts");
	}

	@Test
	void aHeaderFloodIsRefusedBeforeParsing() {
		String flood = "X-Flood: y\r\n".repeat(100_000);
		assertThatThrownBy(() -> read(plain(flood, "x"))).isInstanceOf(InvalidMessage.class)
			.hasMessage("The mail has more than 300 header fields");
		String longHeader = "X-Long: " + "a".repeat(50_000) + "\r\n";
		assertThatThrownBy(() -> read(plain(longHeader, "x"))).isInstanceOf(InvalidMessage.class)
			.hasMessageContaining("header field of the mail is longer");
		String folded = "X-Folded: a\r\n" + " b\r\n".repeat(20_000);
		assertThatThrownBy(() -> read(plain(folded, "x"))).isInstanceOf(InvalidMessage.class)
			.hasMessageContaining("header field of the mail is longer");
	}

	@Test
	void aVeryLongLineIsRefused() {
		assertThatThrownBy(() -> read(plain("", "x".repeat(200_000)))).isInstanceOf(InvalidMessage.class)
			.hasMessageContaining("A line of the mail is longer than 100000");
	}

	@Test
	void mailWithoutAValidSenderCannotBeTaken() {
		assertThatThrownBy(() -> read(bytes("Subject: x\r\n\r\nbody"))).isInstanceOf(InvalidMessage.class)
			.hasMessageContaining("no sender");
		assertThatThrownBy(() -> read(bytes("From: <a@b\r\n c>, \"x\r\nSubject: x\r\n\r\nbody")))
			.isInstanceOf(InvalidMessage.class);
	}

	@Test
	void failedSenderAuthenticationIsNoted() {
		NewMessage message = read(plain(
				"Authentication-Results: mx.postbrug.example.org; spf=fail smtp.mailfrom=example.org;\r\n dkim=none; dmarc=fail (p=reject) header.from=example.org\r\n",
				"x"));
		assertThat(message.authFailure()).isEqualTo("spf=fail, dmarc=fail");
		assertThat(read(plain("Authentication-Results: mx; spf=pass; dkim=pass; dmarc=pass\r\n", "x")).authFailure())
			.isNull();
		assertThat(read(plain("Received-SPF: softfail (domain does not designate)\r\n", "x")).authFailure())
			.isEqualTo("spf=softfail");
	}

	@Test
	void automaticMailIsMarkedNeverToBeAnswered() {
		assertThat(read(plain("Auto-Submitted: auto-replied\r\n", "Ik ben op vakantie")).noReply())
			.contains("Auto-Submitted");
		assertThat(read(plain("Auto-Submitted: no\r\n", "gewoon")).noReply()).isNull();
		assertThat(read(plain("Precedence: bulk\r\n", "nieuwsbrief")).noReply()).contains("Precedence");
		assertThat(read(plain("Return-Path: <>\r\n", "bounce")).noReply()).contains("null sender");
		assertThat(read(plain("List-Id: <news.example.org>\r\n", "lijst")).noReply()).contains("mailing-list");
		String own = new String(plain("", "lus"), StandardCharsets.UTF_8)
			.replace("From: Anna de Vries <anna@example.org>", "From: Postbrug <postbrug@postbrug.example.org>");
		assertThat(read(own.getBytes(StandardCharsets.UTF_8)).noReply()).contains("own address");
		byte[] report = bytes("""
				From: MAILER-DAEMON@mx.example.org\r
				To: postbrug@postbrug.example.org\r
				Subject: Undelivered Mail Returned to Sender\r
				MIME-Version: 1.0\r
				Content-Type: multipart/report; report-type=delivery-status; boundary=r\r
				\r
				--r\r
				Content-Type: text/plain\r
				\r
				could not deliver\r
				--r\r
				Content-Type: message/delivery-status\r
				\r
				Status: 5.1.1\r
				--r--\r
				""");
		assertThat(read(report).noReply()).contains("report");
	}

	@Test
	void theSameMailDeliveredTwiceHasTheSameSourceHash() {
		byte[] mail = plain("", "twee keer");
		byte[] delivered = TestMail.concat(bytes("Return-Path: <anna@example.org>\r\nReceived: from x by y; now\r\n"
				+ "Delivered-To: post@postbrug.example.org\r\n"), mail);
		byte[] lf = new String(mail, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
		assertThat(MailReader.sourceHash(delivered)).isEqualTo(MailReader.sourceHash(mail));
		assertThat(MailReader.sourceHash(lf)).isEqualTo(MailReader.sourceHash(mail));
		assertThat(MailReader.sourceHash(plain("", "twee keer"))).isNotEqualTo(MailReader.sourceHash(mail));
	}

	@Test
	void unreadableMailIsRecordedWithItsReasonAndNeverAnswered() {
		byte[] flood = plain("X-Flood: y\r\n".repeat(1000), "x");
		NewMessage recorded = reader.unreadable(flood, "The mail has more than 300 header fields", Channel.IMAP);
		assertThat(recorded.senderEmail()).isEqualTo("anna@example.org");
		assertThat(recorded.refusal()).isEqualTo("The mail has more than 300 header fields");
		assertThat(recorded.noReply()).isNotNull();
		assertThat(recorded.source()).isEqualTo(flood);
		assertThat(reader.unreadable(bytes("\u0000\u0001garbage"), "no sender", Channel.IMAP).senderEmail())
			.isEqualTo("unknown");
	}

}
