package nl.postbrug.registry.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** The SHA-1 key of RFC 6238, appendix B. */
	static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void givesTheCodesOfRfc6238AppendixB(long unixSeconds, String expected) {
		assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8)).isEqualTo(expected);
	}

	@Test
	void sixDigitCodesAreTheLastSixOfTheRfcCodes() {
		assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
	}

	@Test
	void acceptsOneStepOfDriftEitherWayAndNoMore() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = Totp.step(now);
		assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, 0)).hasValue(step - 1);
		assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step + 1, 6), now, 0)).hasValue(step + 1);
		assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now, 0)).isEmpty();
		assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now, 0)).isEmpty();
	}

	@Test
	void refusesACodeOfAStepAlreadyUsed() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);
		String code = Totp.code(RFC_KEY, step, 6);
		assertThat(Totp.match(RFC_KEY, code, now, step - 1)).hasValue(step);
		assertThat(Totp.match(RFC_KEY, code, now, step)).isEmpty();
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		Instant now = Instant.ofEpochSecond(59);
		assertThat(Totp.match(RFC_KEY, "94287082", now, 0)).isEmpty();
		assertThat(Totp.match(RFC_KEY, "28708a", now, 0)).isEmpty();
		assertThat(Totp.match(RFC_KEY, null, now, 0)).isEmpty();
		assertThat(Totp.match(RFC_KEY, "287 082", now, 0)).isPresent();
	}

	@Test
	void base32MatchesRfc4648AsAnIndependentDecoderReadsIt() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.base32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(new Base32().decode(Totp.base32(RFC_KEY))).isEqualTo(RFC_KEY);
	}

}
