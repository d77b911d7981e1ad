package nl.postbrug.intake.mail;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** Where a mail's headers end, and what is kept when only they are read. */
class HeaderBlockTests {

	@Test
	void theHeaderBlockEndsAfterTheFirstBlankLine() {
		assertThat(HeaderBlock.end(bytes("A: 1\r\nB: 2\r\n\r\nbody\r\n\r\nmore"))).isEqualTo(14);
		assertThat(HeaderBlock.end(bytes("A: 1\n\nbody"))).isEqualTo(6);
		assertThat(HeaderBlock.end(bytes("A: 1\r\nno body"))).isEqualTo(13);
	}

	@Test
	void cuttingKeepsTheWholeHeaderBlockAndNoBody() {
		assertThat(text(HeaderBlock.cut(bytes("A: 1\r\nB: 2\r\n\r\nbody")))).isEqualTo("A: 1\r\nB: 2\r\n\r\n");
		assertThat(text(HeaderBlock.cut(bytes("A: 1\r\nB: 2\r\n")))).isEqualTo("A: 1\r\nB: 2\r\n");
	}

	@Test
	void aHeaderBlockCutAtTheLimitLosesItsPartialLastLine() {
		String header = "X-Filler: " + "a".repeat(88) + "\r\n"; // 100 bytes
		byte[] head = bytes(header.repeat(HeaderBlock.MAX_BYTES / 100 + 1)); // longer
																				// than
																				// the
																				// limit
		byte[] cut = HeaderBlock.cut(java.util.Arrays.copyOf(head, HeaderBlock.MAX_BYTES));
		assertThat(cut.length).isLessThanOrEqualTo(HeaderBlock.MAX_BYTES).isEqualTo(HeaderBlock.MAX_BYTES / 100 * 100);
		assertThat(text(cut)).endsWith("\r\n");
		assertThat(HeaderBlock.cut(head)).isEqualTo(cut);
	}

	@Test
	void headersAloneReadAsAMailWithAnEmptyBody() {
		assertThat(text(HeaderBlock.asMail(bytes("From: a@b.example")))).isEqualTo("From: a@b.example\r\n\r\n");
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.US_ASCII);
	}

}
