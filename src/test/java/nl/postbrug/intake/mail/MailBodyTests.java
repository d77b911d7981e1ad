package nl.postbrug.intake.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import nl.postbrug.intake.IntakeReason;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.bytes;
import static nl.postbrug.intake.mail.TestMail.parse;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The walk through a mail's parts, and every kind of hostile body: each is read within
 * bounds and ends as text and photos, or a refusal with a reason.
 */
class MailBodyTests {

	private final MailBody body = TestMail.body(64L * 1024 * 1024);

	private MailBody.Result read(byte[] raw) {
		return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> body.read(parse(raw)));
	}

	@Test
	void plainTextIsTakenWithItsLineBreaks() {
		MailBody.Result result = read(plain("", "Lieve Jan,\r\ntot snel!"));
		assertThat(result.text()).isEqualTo("Lieve Jan,\ntot snel!");
		assertThat(result.refusal()).isNull();
		assertThat(result.notTaken()).isEmpty();
	}

	@Test
	void anHtmlBodyWithScriptIsReducedToItsVisibleText() {
		String mail = new String(plain("", """
				<html><head><style>p{color:red}</style><title>t</title></head><body>
				<p>Lieve <b>Jan</b>,</p><script>alert('x'); document.location='https://evil.example'</script>
				<p>tot <a href="https://tracker.example.com/x">snel</a><img src="https://tracker.example.com/p.gif"></p>
				<iframe src="https://evil.example"></iframe><br>Anna</body></html>"""), StandardCharsets.UTF_8)
			.replace("text/plain", "text/html");
		assertThat(read(mail.getBytes(StandardCharsets.UTF_8)).text()).contains("Lieve Jan,")
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
		assertThat(read(raw).text()).isEqualTo("de tekst");
	}

	@Test
	void invalidUtf8BecomesReplacementCharactersNotACrash() {
		byte[] raw = TestMail.concat(plain("", "Goed: ü."),
				new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 'e', 'n', 'd' });
		assertThat(read(raw).text()).startsWith("Goed: ü.").contains("\uFFFD").endsWith("end");
	}

	@Test
	void nulBytesAreRemovedFromTheText() {
		assertThat(read(plain("", "Hal\u0000lo\u0000 Jan")).text()).isEqualTo("Hallo Jan");
	}

	@Test
	void anInlineOrMislabelledPhotoBecomesAReencodedPhoto() {
		MailBody.Result result = read(
				TestMail.withAttachment("application/octet-stream", "foto.bin", TestMail.png(64, 48)));
		assertThat(result.photos()).singleElement().satisfies(photo -> {
			assertThat(photo.contentType()).isEqualTo("image/jpeg");
			assertThat(photo.data()[0] & 0xFF).isEqualTo(0xFF);
			assertThat(photo.data()[1] & 0xFF).isEqualTo(0xD8);
		});
		assertThat(result.notTaken()).isEmpty();
	}

	@Test
	void anotherAttachmentIsLeftOutWithAReasonTheSenderIsTold() {
		MailBody.Result result = read(TestMail.withAttachment("image/png", "echt-geen-foto.png",
				"MZ this is an executable".getBytes(StandardCharsets.US_ASCII)));
		assertThat(result.photos()).isEmpty();
		assertThat(result.notTaken()).containsExactly(IntakeReason.PART_NOT_ALLOWED.with("echt-geen-foto.png"));
		assertThat(result.text()).isEqualTo("Lieve Jan, kijk eens.");
	}

	@Test
	void anEncodedAttachmentNameIsDecodedInItsReason() {
		byte[] raw = bytes("""
				From: anna@example.org\r
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
		assertThat(read(raw).notTaken()).containsExactly(IntakeReason.PART_NOT_ALLOWED.with("brief für Jan.pdf"));
	}

	@Test
	void aPngWhosePixelCountIsTooLargeIsRefusedBeforeDecoding() {
		MailBody.Result result = read(TestMail.withAttachment("image/png", "bom.png", TestMail.pngClaiming(100_000)));
		assertThat(result.photos()).isEmpty();
		assertThat(result.notTaken()).containsExactly(IntakeReason.PHOTO_TOO_MANY_PIXELS.with("bom.png", 10000, 40));
	}

	@Test
	void aPngDecompressionBombIsDecodedSubsampledWithinBoundedHeap() {
		byte[] bomb = TestMail.pngBomb(6_000); // 36 megapixels: inside the limit, 30 KB
												// of deflate
		assertThat(bomb.length).isLessThan(200_000);
		MailBody.Result result = read(TestMail.withAttachment("image/png", "zeros.png", bomb));
		assertThat(result.photos()).singleElement();
		assertThat(result.photos().get(0).data().length).isLessThan(2_000_000);
	}

	@Test
	void aThirtyMegabyteAttachmentIsLeftOutAfterItsFirstBytes() {
		byte[] mail = TestMail.withAttachment("application/zip", "archive.zip", new byte[30 * 1024 * 1024]);
		MailBody.Result result = read(mail);
		assertThat(result.notTaken()).containsExactly(IntakeReason.PART_NOT_ALLOWED.with("archive.zip"));
		assertThat(result.text()).isEqualTo("Lieve Jan, kijk eens.");
	}

	@Test
	void morePhotosThanAllowedAreLeftOutWithAReason() {
		StringBuilder mail = new StringBuilder(
				"From: anna@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n");
		for (int i = 1; i <= 6; i++) {
			mail.append("--p\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n")
				.append("Content-Disposition: attachment; filename=\"foto")
				.append(i)
				.append(".png\"\r\n\r\n")
				.append(TestMail.base64Lines(TestMail.png(8, 8)))
				.append("\r\n");
		}
		mail.append("--p--\r\n");
		MailBody.Result result = read(bytes(mail.toString()));
		assertThat(result.photos()).hasSize(5);
		assertThat(result.notTaken()).containsExactly(IntakeReason.PHOTO_TOO_MANY.with("foto6.png", 5));
	}

	@Test
	void textBeyondTheLimitIsCutAndTheSenderTold() {
		MailBody small = new MailBody(nl.postbrug.intake.TestPhotos.with(TestMail.settings(26_214_400)),
				TestMail.settings(26_214_400),
				new MailSettings(100, 10, 300, 16384, 100000, 2048, java.util.List.of(), java.util.List.of()));
		MailBody.Result result = small.read(parse(plain("", "a".repeat(5000))));
		assertThat(result.text()).hasSize(2048);
		assertThat(result.notTaken()).containsExactly(IntakeReason.TEXT_CUT.with(2));
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
		MailBody.Result result = read(bytes(mail.toString()));
		assertThat(result.refusal()).isEqualTo(IntakeReason.MAIL_NESTED_TOO_DEEP.with(10));
		assertThat(result.text()).isEmpty();
	}

	@Test
	void manyPartsAreRefusedWithAReason() {
		StringBuilder mail = new StringBuilder("From: anna@example.org\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=p\r\n\r\n");
		for (int i = 0; i < 5000; i++) {
			mail.append("--p\r\nContent-Type: text/plain\r\n\r\n").append(i).append("\r\n");
		}
		mail.append("--p--\r\n");
		assertThat(read(bytes(mail.toString())).refusal()).isEqualTo(IntakeReason.MAIL_TOO_MANY_PARTS.with(100));
	}

}
