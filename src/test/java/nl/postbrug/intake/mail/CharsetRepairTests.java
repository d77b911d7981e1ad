package nl.postbrug.intake.mail;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.plain;
import static org.assertj.core.api.Assertions.assertThat;

/** Text read as what its bytes are when the label says otherwise. */
class CharsetRepairTests {

	private static final byte[] UTF8 = "Café ☕".getBytes(StandardCharsets.UTF_8);

	private static final byte[] LATIN1 = "Café crème".getBytes(StandardCharsets.ISO_8859_1);

	@Test
	void utf8LabelledAsciiOrLatin1OrNothingIsReadAsUtf8() {
		assertThat(CharsetRepair.decode(UTF8, "us-ascii")).isEqualTo("Café ☕");
		assertThat(CharsetRepair.decode(UTF8, "ISO-8859-1")).isEqualTo("Café ☕");
		assertThat(CharsetRepair.decode(UTF8, null)).isEqualTo("Café ☕");
		assertThat(CharsetRepair.decode(UTF8, "x-no-such-charset")).isEqualTo("Café ☕");
	}

	@Test
	void latin1LabelsMeanWindows1252() {
		byte[] quotes = { (byte) 0x93, 'j', 'a', (byte) 0x94, ' ', (byte) 0x80 };
		assertThat(CharsetRepair.decode(quotes, "iso-8859-1")).isEqualTo("\u201Cja\u201D €");
	}

	@Test
	void latin1LabelledUtf8IsReadAsLatin1() {
		assertThat(CharsetRepair.decode(LATIN1, "utf-8")).isEqualTo("Café crème");
	}

	@Test
	void brokenBytesInRealUtf8BecomeReplacementCharacters() {
		byte[] broken = TestMail.concat(UTF8, new byte[] { (byte) 0xFF });
		assertThat(CharsetRepair.decode(broken, "utf-8")).isEqualTo("Café ☕\uFFFD");
	}

	@Test
	void aMislabelledCharsetInAWholeMailIsReadAsWhatTheBytesAre() {
		MailBody body = TestMail.body(26_214_400);
		byte[] utf8LabelledAscii = TestMail.bytes(
				new String(plain("", "Café ☕"), StandardCharsets.UTF_8).replace("charset=UTF-8", "charset=us-ascii"));
		assertThat(body.read(TestMail.parse(utf8LabelledAscii)).text()).isEqualTo("Café ☕");
		byte[] latin1LabelledUtf8 = TestMail.concat(
				new String(plain("", ""), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8),
				"\r\n\r\nCaf\u00e9 cr\u00e8me\r\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(body.read(TestMail.parse(latin1LabelledUtf8)).text()).isEqualTo("Café crème");
	}

}
