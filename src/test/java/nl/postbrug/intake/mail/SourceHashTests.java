package nl.postbrug.intake.mail;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.bytes;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** The hash that recognises a mail however often and however it is delivered. */
class SourceHashTests {

	@Test
	void theSameMailDeliveredTwiceHasTheSameSourceHash() {
		byte[] mail = plain("", "twee keer");
		byte[] delivered = TestMail.concat(bytes("Return-Path: <anna@example.org>\r\nReceived: from x by y; now\r\n"
				+ "Delivered-To: post@postbrug.example.org\r\nARC-Seal: i=1; a=rsa-sha256;\r\n b=abc\r\n"
				+ "Authentication-Results: mx; spf=pass\r\n"), mail);
		byte[] lf = new String(mail, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
		assertThat(SourceHash.of(delivered)).isEqualTo(SourceHash.of(mail));
		assertThat(SourceHash.of(lf)).isEqualTo(SourceHash.of(mail));
		assertThat(SourceHash.of(mail)).hasSize(64);
	}

	@Test
	void anotherMailHasAnotherHash() {
		// plain() gives each mail its own Message-ID.
		assertThat(SourceHash.of(plain("", "twee keer"))).isNotEqualTo(SourceHash.of(plain("", "twee keer")));
		byte[] mail = plain("", "een");
		byte[] edited = new String(mail, StandardCharsets.UTF_8).replace("een", "twee")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(SourceHash.of(edited)).isNotEqualTo(SourceHash.of(mail));
	}

	@Test
	void aMailKnownByItsHeadersAloneHasAHashOfItsOwn() {
		byte[] headers = HeaderBlock.of(plain("", "x"), 65_536);
		assertThat(SourceHash.ofOversize(headers, 30_000_000)).isNotEqualTo(SourceHash.of(headers))
			.isEqualTo(SourceHash.ofOversize(headers, 30_000_000))
			.isNotEqualTo(SourceHash.ofOversize(headers, 30_000_001));
	}

}
