package nl.postbrug.intake.mail;

import nl.postbrug.intake.IntakeReason;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.bytes;
import static nl.postbrug.intake.mail.TestMail.parse;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sender's address, from tidy and from broken From headers. */
class SenderAddressTests {

	@Test
	void theSenderIsThePlainAddressInLowerCase() {
		assertThat(SenderAddress.of(parse(plain("", "x")))).isEqualTo("anna@example.org");
		assertThat(SenderAddress.of(parse(bytes("From: Anna@Example.ORG\r\n\r\nx")))).isEqualTo("anna@example.org");
		assertThat(SenderAddress.of(parse(bytes("Sender: anna@example.org\r\n\r\nx")))).isEqualTo("anna@example.org");
	}

	@Test
	void brokenFromHeadersStillGiveTheAddressWhereThereIsOne() {
		assertThat(SenderAddress.of(parse(bytes("From: Big Bug bb@bug.com\r\n\r\nx")))).isEqualTo("bb@bug.com");
		assertThat(SenderAddress.of(parse(bytes("From: anna(comment)@example.org\r\n\r\nx"))))
			.isEqualTo("anna@example.org");
	}

	@Test
	void mailWithoutAValidSenderCannotBeTaken() {
		assertThatThrownBy(() -> SenderAddress.of(parse(bytes("Subject: x\r\n\r\nbody"))))
			.isInstanceOf(MailRefused.class)
			.extracting(ex -> ((MailRefused) ex).reason())
			.isEqualTo(IntakeReason.MAIL_NO_SENDER.with());
		assertThatThrownBy(() -> SenderAddress.of(parse(bytes("From: <a@b\r\n c>, \"x\r\nSubject: x\r\n\r\nbody"))))
			.isInstanceOf(MailRefused.class);
	}

	@Test
	void onlyAPlainAddressIsValid() {
		assertThat(SenderAddress.valid(" Anna@Example.org ")).isEqualTo("anna@example.org");
		assertThat(SenderAddress.valid("anna@localhost")).isNull();
		assertThat(SenderAddress.valid("anna de vries@example.org")).isNull();
		assertThat(SenderAddress.valid("a".repeat(65) + "@example.org")).isNull();
		assertThat(SenderAddress.valid(null)).isNull();
	}

	@Test
	void anUnreadableMailStillNamesItsSenderWhereItCan() {
		byte[] flood = plain("X-Flood: y\r\n".repeat(1000), "x");
		assertThat(SenderAddress.ofUnreadable(HeaderBlock.of(flood, 262_144))).contains("anna@example.org");
		assertThat(SenderAddress.ofUnreadable(bytes("\u0000\u0001garbage"))).isEmpty();
	}

}
