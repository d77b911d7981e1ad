package nl.postbrug.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import nl.postbrug.intake.ReasonTexts;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The application's message bundles, set up as {@code application.yml} sets them up
 * ({@code spring.messages.*}), for tests that need texts without a Spring context.
 */
public final class Bundles {

	private Bundles() {
	}

	/** The basenames {@code spring.messages.basename} lists, e.g. {@code i18n/intake}. */
	public static List<String> basenames() {
		try {
			List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
					new ClassPathResource("application.yml"));
			String basenames = String.valueOf(yaml.get(0).getProperty("spring.messages.basename"));
			return Arrays.stream(basenames.split(",")).map(String::strip).toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	public static MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames().toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);
		return source;
	}

	public static ReasonTexts reasonTexts() {
		return new ReasonTexts(messageSource());
	}

	/**
	 * The bundle files of one language: {@code ""} for Dutch, {@code "_en"} for English.
	 */
	public static List<Path> files(String suffix) {
		return basenames().stream()
			.map(name -> Path.of("src", "main", "resources", name + suffix + ".properties"))
			.filter(Files::exists)
			.toList();
	}

}
