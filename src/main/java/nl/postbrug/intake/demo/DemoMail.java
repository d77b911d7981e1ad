package nl.postbrug.intake.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.intake.mail.DropFolder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's sample mail: copies {@code samples/mail/*.eml} into the drop folder and
 * ingests them. A restart copies them again; the drop folder recognises mail it already
 * has, so nothing doubles.
 */
@Component
@Profile("demo")
@Order(20)
class DemoMail implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMail.class);

	private final DropFolder dropFolder;

	private final Path samples;

	private final Path dropDir;

	DemoMail(DropFolder dropFolder, @Value("${postbrug.demo.samples-dir:samples}") Path samples,
			@Value("${postbrug.intake.drop-dir}") Path dropDir) {
		this.dropFolder = dropFolder;
		this.samples = samples;
		this.dropDir = dropDir;
	}

	@Override
	public void run(ApplicationArguments args) {
		Path mail = samples.resolve("mail");
		try (Stream<Path> files = Files.list(mail)) {
			Files.createDirectories(dropDir);
			List<Path> eml = files.filter(file -> file.toString().endsWith(".eml")).sorted().toList();
			for (Path file : eml) {
				Files.copy(file, dropDir.resolve(file.getFileName()),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			var outcomes = dropFolder.ingestAll();
			long fresh = outcomes.stream().filter(o -> o.receipt() != null && !o.receipt().duplicate()).count();
			log.info("Demo mail: {} sample messages, {} new", eml.size(), fresh);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Demo mail in " + mail + " cannot be read", ex);
		}
	}

}
