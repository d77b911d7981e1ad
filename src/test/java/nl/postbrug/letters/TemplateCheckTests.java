package nl.postbrug.letters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Templates are checked before any letter uses them: at start-up and on reload. */
class TemplateCheckTests {

	@TempDir
	Path dir;

	@Test
	void refusesToStartWhenATemplateIsMissing() throws IOException {
		copyTemplates();
		Files.delete(this.dir.resolve("manifest.html"));

		assertThatThrownBy(this::start).isInstanceOf(BrokenTemplate.class)
			.hasMessageContaining(this.dir.resolve("manifest.html").toAbsolutePath().toString())
			.hasMessageContaining("does not exist");
	}

	@Test
	void namesTheFileAndLineOfMalformedMarkup() throws IOException {
		copyTemplates();
		Files.writeString(this.dir.resolve("letter.html"),
				"<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<body><p>{{body}}</body>\n</html>");

		assertThatThrownBy(this::start).isInstanceOf(BrokenTemplate.class)
			.hasMessageContaining("letter.html")
			.hasMessageContaining("line 2");
	}

	@Test
	void refusesAnUnknownField() throws IOException {
		copyTemplates();
		edit("cover.html", "{{batchLabel}}</h2>", "{{batchLable}}</h2>");

		assertThatThrownBy(this::start).isInstanceOf(BrokenTemplate.class)
			.hasMessageContaining("cover.html")
			.hasMessageContaining("unknown field {{batchLable}}");
	}

	@Test
	void refusesALetterWithoutItsBarcode() throws IOException {
		copyTemplates();
		edit("letter.html", "data-code=\"{{copyCode}}\"", "data-code=\"{{registryNumber}}\"");

		assertThatThrownBy(this::start).isInstanceOf(BrokenTemplate.class)
			.hasMessageContaining("letter.html")
			.hasMessageContaining("every page carries the barcode");
	}

	@Test
	void refusesTheBodyInsideOtherText() throws IOException {
		copyTemplates();
		edit("letter.html", "{{body}}", "Message: {{body}}");

		assertThatThrownBy(this::start).isInstanceOf(BrokenTemplate.class)
			.hasMessageContaining("{{body}} makes elements, so it must stand alone");
	}

	@Test
	void refusesAnOptionalReplySheetThatIsBroken() throws IOException {
		copyTemplates();
		edit("reply.html", "{{senderName}}", "{{sender}}");

		assertThatThrownBy(this::start).isInstanceOf(BrokenTemplate.class)
			.hasMessageContaining("reply.html")
			.hasMessageContaining("{{sender}}");
	}

	@Test
	void worksWithoutTheOptionalReplySheet() throws IOException {
		copyTemplates();
		Files.delete(this.dir.resolve("reply.html"));

		LetterRendering rendering = start();

		assertThat(rendering.hasReplySheet()).isFalse();
		assertThatThrownBy(() -> rendering.replySheet(LetterFixtures.letter("Hi"))).hasMessageContaining("reply.html");
	}

	@Test
	void reloadUsesEditedTemplatesAndKeepsTheOldOnesWhenAnEditIsBroken() throws IOException {
		copyTemplates();
		LetterRendering rendering = start();
		LetterContent letter = LetterFixtures.letter("Hello.");

		edit("letter.html", "From: <b>", "Sender: <b>");
		rendering.reload();
		assertThat(LetterFixtures.text(rendering.render(letter, RenderOptions.DEFAULT).pdf()))
			.contains("Sender: Ans de Vries");

		edit("letter.html", "{{receivedDate}}", "{{receivedOn}}");
		assertThatThrownBy(rendering::reload).isInstanceOf(BrokenTemplate.class)
			.hasMessageContaining("letter.html")
			.hasMessageContaining("{{receivedOn}}");
		assertThat(LetterFixtures.text(rendering.render(letter, RenderOptions.DEFAULT).pdf()))
			.contains("Sender: Ans de Vries", "2026-03-01");
	}

	private LetterRendering start() {
		return new LetterRendering(new LettersProperties(this.dir), LetterFixtures.CLOCK);
	}

	private void edit(String name, String from, String to) throws IOException {
		Path file = this.dir.resolve(name);
		String text = Files.readString(file);
		assertThat(text).contains(from);
		Files.writeString(file, text.replace(from, to));
	}

	private void copyTemplates() throws IOException {
		try (Stream<Path> files = Files.list(LetterFixtures.TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Files.copy(file, this.dir.resolve(file.getFileName()));
			}
		}
	}

}
