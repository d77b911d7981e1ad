package nl.postbrug.letters.pdf;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Reads the XHTML templates in the template folder and fills their {@code {{field}}}
 * placeholders. A template is read and checked once, on first use; edits need a restart.
 */
final class Templates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

	private final Path dir;

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	Templates(Path dir) {
		this.dir = dir;
	}

	Path file(String name) {
		return this.dir.resolve(name);
	}

	/** The template with every placeholder replaced; refuses unknown placeholders. */
	String merge(String name, Map<String, Html> values) {
		String template = this.cache.computeIfAbsent(name, this::load);
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder(template.length() + 4096);
		while (m.find()) {
			Html value = values.get(m.group(1));
			if (value == null) {
				throw new IllegalStateException("Template " + file(name) + " uses unknown field {{" + m.group(1)
						+ "}}; known fields are " + values.keySet() + " (see print-templates/README.md)");
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value.markup()));
		}
		m.appendTail(out);
		return out.toString();
	}

	private String load(String name) {
		Path file = file(name);
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException("Letter template " + file.toAbsolutePath()
					+ " does not exist; set postbrug.letters.template-dir to the folder holding " + name, ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Letter template " + file.toAbsolutePath() + " could not be read", ex);
		}
		checkWellFormed(file, text);
		return text;
	}

	/** openhtmltopdf parses templates as XML; say where a template breaks before any letter does. */
	private static void checkWellFormed(Path file, String text) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			builder.parse(new InputSource(new StringReader(text)));
		}
		catch (SAXParseException ex) {
			throw new IllegalStateException("Letter template " + file.toAbsolutePath() + " is not well-formed XHTML at line "
					+ ex.getLineNumber() + ", column " + ex.getColumnNumber() + ": " + ex.getMessage(), ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Letter template " + file.toAbsolutePath() + " could not be parsed: "
					+ ex.getMessage(), ex);
		}
	}

}
