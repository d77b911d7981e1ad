package nl.postbrug.intake.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.MimeUtility;

/**
 * Text in whatever charset it claims, or in the one it really has. Mail labelled ASCII or
 * Latin-1 (or not labelled, or with an unknown charset) is very often UTF-8; Latin-1
 * labels mean windows-1252 in practice; "UTF-8" without a single valid multi-byte
 * sequence is Latin-1. Invalid bytes become U+FFFD, never an error.
 */
final class CharsetRepair {

	private static final Set<String> SINGLE_BYTE_LATIN = Set.of("us-ascii", "ascii", "iso-8859-1", "latin1",
			"iso-8859-15", "windows-1252", "cp1252", "8859_1", "iso8859-1");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private CharsetRepair() {
	}

	static String decode(byte[] bytes, String declared) {
		String name = declared == null ? null : declared.strip().replace("\"", "").toLowerCase(Locale.ROOT);
		Charset charset = null;
		if (name != null && !name.isEmpty()) {
			try {
				charset = Charset.forName(MimeUtility.javaCharset(name));
			}
			catch (RuntimeException ex) {
				charset = null;
			}
		}
		Optional<String> utf8 = strictUtf8(bytes);
		if (charset == null || SINGLE_BYTE_LATIN.contains(name)) {
			return utf8.orElseGet(() -> new String(bytes, WINDOWS_1252));
		}
		if (charset.equals(StandardCharsets.UTF_8) && utf8.isEmpty()) {
			// Real UTF-8 with a few broken bytes keeps its text, the broken bytes become
			// U+FFFD.
			return hasMultiByteSequence(bytes) ? new String(bytes, StandardCharsets.UTF_8)
					: new String(bytes, WINDOWS_1252);
		}
		return new String(bytes, charset);
	}

	private static boolean hasMultiByteSequence(byte[] b) {
		for (int i = 0; i + 1 < b.length; i++) {
			int lead = b[i] & 0xFF;
			if (lead >= 0xC2 && lead <= 0xF4 && (b[i + 1] & 0xC0) == 0x80) {
				return true;
			}
		}
		return false;
	}

	private static Optional<String> strictUtf8(byte[] bytes) {
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
