package nl.postbrug.intake.mail;

import java.util.List;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.parse;
import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed and passed SPF, DKIM and DMARC verdicts, and which receiving server may state
 * them.
 */
class SenderAuthenticationTests {

	private static final SenderAuthentication ANY_SERVER = new SenderAuthentication(List.of());

	private static final SenderAuthentication OWN_SERVER = new SenderAuthentication(List.of("mx.postbrug.test"));

	@Test
	void failedSenderAuthenticationIsNoted() {
		assertThat(ANY_SERVER.check(parse(plain(
				"Authentication-Results: mx.postbrug.example.org; spf=fail smtp.mailfrom=example.org;\r\n dkim=none; dmarc=fail (p=reject) header.from=example.org\r\n",
				"x")))
			.failures()).containsExactly("spf=fail", "dmarc=fail");
		assertThat(ANY_SERVER.check(parse(plain("Received-SPF: softfail (domain does not designate)\r\n", "x")))
			.failures()).containsExactly("spf=softfail");
	}

	@Test
	void passedOrMissingAuthenticationIsNoFailure() {
		assertThat(
				ANY_SERVER.check(parse(plain("Authentication-Results: mx; spf=pass; dkim=pass; dmarc=pass\r\n", "x")))
					.failures())
			.isEmpty();
		assertThat(ANY_SERVER.check(parse(plain("", "x"))).failures()).isEmpty();
	}

	@Test
	void eachFailureIsNotedOnceWhateverHeaderSaidIt() {
		assertThat(ANY_SERVER.check(parse(plain(
				"Authentication-Results: a; spf=fail\r\nAuthentication-Results: b; SPF=Fail; dkim=permerror\r\nReceived-SPF: fail\r\n",
				"x")))
			.failures()).containsExactly("spf=fail", "dkim=permerror");
	}

	@Test
	void withoutAConfiguredServerNoPassConfirmsTheSender() {
		assertThat(ANY_SERVER.check(parse(plain("Authentication-Results: mx.postbrug.test; dmarc=pass\r\n", "x")))
			.confirmed()).isFalse();
	}

	@Test
	void onlyTheOwnServersPassConfirmsTheSender() {
		assertThat(OWN_SERVER
			.check(parse(plain("Authentication-Results: MX.postbrug.test 1; dkim=pass header.d=example.org\r\n", "x")))
			.confirmed()).isTrue();
		assertThat(OWN_SERVER
			.check(parse(
					plain("Authentication-Results: forger.example.com; dmarc=pass header.from=example.org\r\n", "x")))
			.confirmed()).isFalse();
		assertThat(OWN_SERVER.check(parse(plain("", "x")))).isEqualTo(SenderAuthentication.Check.UNKNOWN);
	}

	@Test
	void theOwnServersFailureOutweighsAPass() {
		SenderAuthentication.Check check = OWN_SERVER
			.check(parse(plain("Authentication-Results: mx.postbrug.test; spf=pass; dmarc=fail\r\n", "x")));
		assertThat(check.failures()).containsExactly("dmarc=fail");
		assertThat(check.confirmed()).isFalse();
	}

	@Test
	void resultsOfOtherServersAreIgnoredOnceTheOwnIsConfigured() {
		SenderAuthentication.Check check = OWN_SERVER.check(parse(plain(
				"Authentication-Results: relay.example.com; spf=fail\r\nReceived-SPF: fail\r\nAuthentication-Results: mx.postbrug.test; dkim=pass\r\n",
				"x")));
		assertThat(check.failures()).isEmpty();
		assertThat(check.confirmed()).isTrue();
	}

	@Test
	void theAuthservIdIsTheFirstTokenOfTheHeader() {
		assertThat(SenderAuthentication.authservId("  mx.example.org 1; spf=pass")).isEqualTo("mx.example.org");
		assertThat(SenderAuthentication.authservId("mx.example.org;spf=pass")).isEqualTo("mx.example.org");
		assertThat(SenderAuthentication.authservId("mx.example.org(comment); none")).isEqualTo("mx.example.org");
	}

}
