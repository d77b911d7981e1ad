package nl.postbrug.audit.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalEncodingTests {

	private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

	private static ChainEvent event(String actor, String action, String object, String detail, int encoding) {
		return new ChainEvent(7, AT, actor, action, object, "SUCCESS", "api", "192.0.2.1", detail, encoding,
				CanonicalEncoding.GENESIS, null);
	}

	@Test
	void theLegacyEncodingLetANewlineMoveTextFromOneFieldToTheNext() {
		// Two different events: "screener" approved message 1, and someone named
		// "screener\nMESSAGE_APPROVED" did "message:1" to an object "ok".
		ChainEvent honest = event("screener", "MESSAGE_APPROVED", "message:1", "ok\nmore", CanonicalEncoding.LEGACY);
		ChainEvent forged = event("screener\nMESSAGE_APPROVED", "message:1", "ok", "more", CanonicalEncoding.LEGACY);
		assertThat(CanonicalEncoding.hash(forged)).isEqualTo(CanonicalEncoding.hash(honest));
	}

	@Test
	void theCurrentEncodingGivesThoseTwoEventsDifferentBytesAndHashes() {
		ChainEvent honest = event("screener", "MESSAGE_APPROVED", "message:1", "ok\nmore", CanonicalEncoding.CURRENT);
		ChainEvent forged = event("screener\nMESSAGE_APPROVED", "message:1", "ok", "more", CanonicalEncoding.CURRENT);
		assertThat(CanonicalEncoding.encode(forged)).isNotEqualTo(CanonicalEncoding.encode(honest));
		assertThat(CanonicalEncoding.hash(forged)).isNotEqualTo(CanonicalEncoding.hash(honest));
	}

	@Test
	void aFieldBoundaryCannotMoveEvenWhenTheTextLooksLikeAnEncodedField() {
		// The actor holds what the encoding of "a" followed by the action "b" would look
		// like; the length prefix still tells them apart.
		ChainEvent split = event("a", "b", "c", null, CanonicalEncoding.CURRENT);
		ChainEvent joined = event("a,1:b", "c", "", null, CanonicalEncoding.CURRENT);
		assertThat(CanonicalEncoding.encode(joined)).isNotEqualTo(CanonicalEncoding.encode(split));
	}

	@Test
	void anAbsentFieldIsNotAnEmptyOne() {
		assertThat(CanonicalEncoding.hash(event("a", "b", "c", null, CanonicalEncoding.CURRENT)))
			.isNotEqualTo(CanonicalEncoding.hash(event("a", "b", "c", "", CanonicalEncoding.CURRENT)));
	}

	@Test
	void lengthsCountUtf8BytesNotCharacters() {
		assertThat(new String(CanonicalEncoding.netstrings("é", null, ""), StandardCharsets.UTF_8))
			.isEqualTo("2:é,~0:,");
	}

	@Test
	void theEncodingIsExactlyAsDocumented() {
		// The bytes an auditor's own tool has to produce (README, "Audit log").
		ChainEvent event = new ChainEvent(1, Instant.parse("2026-11-28T10:00:00Z"), "screener", "MESSAGE_APPROVED",
				"message:1", "SUCCESS", "web", "192.0.2.1", null, CanonicalEncoding.CURRENT, CanonicalEncoding.GENESIS,
				null);
		assertThat(new String(CanonicalEncoding.encode(event), StandardCharsets.UTF_8))
			.isEqualTo("16:postbrug-audit/2,64:" + "0".repeat(64)
					+ ",1:1,24:2026-11-28T10:00:00.000Z,8:screener,16:MESSAGE_APPROVED,9:message:1,7:SUCCESS,3:web,9:192.0.2.1,~");
		assertThat(CanonicalEncoding.hash(event)).isEqualTo(nl.postbrug.Sha256.hex(CanonicalEncoding.encode(event)));
	}

	@Test
	void timesAlwaysCarryThreeFractionDigits() {
		assertThat(CanonicalEncoding.time(Instant.parse("2026-11-28T10:00:00.5Z")))
			.isEqualTo("2026-11-28T10:00:00.500Z");
	}

}
