package nl.postbrug;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Pattern;

import nl.postbrug.support.Bundles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message bundles: each module's Dutch bundle has an English twin with the same keys,
 * and every text is a well-formed MessageFormat pattern (an apostrophe doubled).
 */
class MessageBundlesTests {

	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@Test
	void everyModuleBundleHasDutchAndEnglishWithTheSameKeys() throws IOException {
		assertThat(Bundles.files("")).isNotEmpty().hasSameSizeAs(Bundles.basenames());
		assertThat(Bundles.files("_en")).hasSameSizeAs(Bundles.basenames());
		for (int i = 0; i < Bundles.basenames().size(); i++) {
			Properties dutch = load(Bundles.files("").get(i));
			Properties english = load(Bundles.files("_en").get(i));
			assertThat(english.stringPropertyNames()).as(Bundles.basenames().get(i))
				.containsExactlyInAnyOrderElementsOf(dutch.stringPropertyNames());
		}
	}

	@Test
	void everyTextIsAMessageFormatPatternWithItsApostrophesDoubled() throws IOException {
		for (String suffix : new String[] { "", "_en" }) {
			for (Path file : Bundles.files(suffix)) {
				Properties texts = load(file);
				for (String key : texts.stringPropertyNames()) {
					String text = texts.getProperty(key);
					assertThat(text).as(file + " " + key).isNotBlank().doesNotContainPattern(LONE_APOSTROPHE);
					MessageFormat format = new MessageFormat(text);
					assertThat(format.format(sampleValues(format))).as(file + " " + key).doesNotContain("''");
				}
			}
		}
	}

	/** A value of the kind each placeholder formats: a number, a date or text. */
	private static Object[] sampleValues(MessageFormat format) {
		Format[] formats = format.getFormatsByArgumentIndex();
		Object[] values = new Object[Math.max(formats.length, 4)];
		for (int i = 0; i < values.length; i++) {
			Format one = i < formats.length ? formats[i] : null;
			values[i] = one instanceof NumberFormat ? (Object) 2 : one instanceof DateFormat ? new Date() : "a";
		}
		return values;
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
