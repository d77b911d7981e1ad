package nl.postbrug.intake.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.Reason;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.bytes;
import static nl.postbrug.intake.mail.TestMail.parse;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** Mail that must never be answered is recognised, and ordinary mail is not. */
class AutomaticMailTests {

	private final AutomaticMail automatic = new AutomaticMail(List.of("postbrug@postbrug.example.org"));

	private Reason cause(byte[] raw) {
		var mail = parse(raw);
		return automatic.cause(mail, SenderAddress.of(mail));
	}

	@Test
	void ordinaryMailMayBeAnswered() {
		assertThat(cause(plain("", "gewoon"))).isNull();
		assertThat(cause(plain("Auto-Submitted: no\r\n", "gewoon"))).isNull();
		assertThat(cause(plain("Precedence: first-class\r\n", "gewoon"))).isNull();
	}

	@Test
	void automaticMailIsMarkedNeverToBeAnswered() {
		assertThat(cause(plain("Auto-Submitted: auto-replied\r\n", "Ik ben op vakantie")))
			.isEqualTo(IntakeReason.AUTOMATIC.with("auto-replied"));
		assertThat(cause(plain("Precedence: bulk\r\n", "nieuwsbrief"))).isEqualTo(IntakeReason.BULK.with("bulk"));
		assertThat(cause(plain("X-Autoreply: yes\r\n", "weg"))).isEqualTo(IntakeReason.AUTO_REPLY.with());
		assertThat(cause(plain("Return-Path: <>\r\n", "bounce"))).isEqualTo(IntakeReason.NULL_SENDER.with());
		assertThat(cause(plain("List-Id: <news.example.org>\r\n", "lijst")))
			.isEqualTo(IntakeReason.MAILING_LIST.with());
		String own = new String(plain("", "lus"), StandardCharsets.UTF_8)
			.replace("From: Anna de Vries <anna@example.org>", "From: Postbrug <postbrug@postbrug.example.org>");
		assertThat(cause(own.getBytes(StandardCharsets.UTF_8))).isEqualTo(IntakeReason.OWN_ADDRESS.with());
	}

	@Test
	void deliveryReportsAreMarkedNeverToBeAnswered() {
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
				--r--\r
				""");
		assertThat(cause(report)).isEqualTo(IntakeReason.REPORT.with());
		assertThat(cause(bytes("From: postmaster@mx.example.org\r\nSubject: x\r\n\r\nfailed")))
			.isEqualTo(IntakeReason.DELIVERY_REPORT.with("postmaster"));
	}

}
