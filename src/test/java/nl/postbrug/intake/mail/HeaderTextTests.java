package nl.postbrug.intake.mail;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.bytes;
import static nl.postbrug.intake.mail.TestMail.parse;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** Header values decoded and made safe to be shown or stored anywhere. */
class HeaderTextTests {

	@Test
	void encodedSubjectsAndNamesAreDecoded() {
		var mail = parse(bytes("""
				From: =?ISO-8859-1?Q?Ren=E9e_M=FCller?= <anna@example.org>\r
				Subject: =?UTF-8?B?0J/RgNC40LLQtdGC?= =?UTF-8?Q?_=E2=80=94_groet?=\r
				\r
				Hoi\r
				"""));
		assertThat(HeaderText.subject(mail)).isEqualTo("Привет — groet");
		assertThat(HeaderText.senderName(mail)).isEqualTo("Renée Müller");
	}

	@Test
	void rawUtf8HeadersAreReadAsUtf8() {
		String mail = new String(plain("", "x"), StandardCharsets.UTF_8).replace("Subject: Hallo",
				"Subject: Grüße aus Köln ✓");
		assertThat(HeaderText.subject(parse(mail.getBytes(StandardCharsets.UTF_8)))).isEqualTo("Grüße aus Köln ✓");
	}

	@Test
	void aCrlfInTheSubjectNeverSurvivesAsALineBreak() {
		String mail = new String(plain("", "x"), StandardCharsets.UTF_8).replace("Subject: Hallo",
				"Subject: =?UTF-8?Q?Hallo=0D=0ABcc:_victim@example.com=0D=0A?=");
		assertThat(HeaderText.subject(parse(mail.getBytes(StandardCharsets.UTF_8)))).startsWith("Hallo")
			.contains("Bcc:")
			.doesNotContain("\r")
			.doesNotContain("\n");
	}

	@Test
	void nulBytesNeverSurviveInTheSubject() {
		String mail = new String(plain("", "x"), StandardCharsets.UTF_8).replace("Subject: Hallo",
				"Subject: Ha\u0000llo");
		assertThat(HeaderText.subject(parse(mail.getBytes(StandardCharsets.UTF_8)))).doesNotContain("\u0000");
	}

	@Test
	void clippingNeverSplitsACharacter() {
		assertThat(HeaderText.clip("ab🦒", 3)).isEqualTo("ab");
		assertThat(HeaderText.clip("  \u0007 ", 10)).isNull();
		assertThat(HeaderText.clean("een\r\ntwee\u2028drie")).isEqualTo("een twee drie");
	}

}
