package nl.postbrug.intake.mail;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.parse;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** Failed SPF, DKIM and DMARC verdicts, as the receiving servers reported them. */
class SenderAuthenticationTests {

	@Test
	void failedSenderAuthenticationIsNoted() {
		assertThat(SenderAuthentication.failures(parse(plain(
				"Authentication-Results: mx.postbrug.example.org; spf=fail smtp.mailfrom=example.org;\r\n dkim=none; dmarc=fail (p=reject) header.from=example.org\r\n",
				"x"))))
			.containsExactly("spf=fail", "dmarc=fail");
		assertThat(SenderAuthentication
			.failures(parse(plain("Received-SPF: softfail (domain does not designate)\r\n", "x"))))
			.containsExactly("spf=softfail");
	}

	@Test
	void passedOrMissingAuthenticationIsNoFailure() {
		assertThat(SenderAuthentication
			.failures(parse(plain("Authentication-Results: mx; spf=pass; dkim=pass; dmarc=pass\r\n", "x")))).isEmpty();
		assertThat(SenderAuthentication.failures(parse(plain("", "x")))).isEmpty();
	}

	@Test
	void eachFailureIsNotedOnceWhateverHeaderSaidIt() {
		assertThat(SenderAuthentication.failures(parse(plain(
				"Authentication-Results: a; spf=fail\r\nAuthentication-Results: b; SPF=Fail; dkim=permerror\r\nReceived-SPF: fail\r\n",
				"x"))))
			.containsExactly("spf=fail", "dkim=permerror");
	}

}
