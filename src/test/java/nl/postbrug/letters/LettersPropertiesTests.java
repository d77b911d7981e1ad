package nl.postbrug.letters;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class LettersPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

	@Test
	void readsTemplatesFromPrintTemplatesByDefault() {
		this.context.run(ctx -> {
			assertThat(ctx.getBean(LettersProperties.class).templateDir()).isEqualTo(Path.of("print-templates"));
			assertThat(ctx).hasSingleBean(LetterRendering.class);
		});
	}

	@Test
	void refusesToStartWhenTheConfiguredTemplateFolderHasNoTemplates() {
		this.context.withPropertyValues("postbrug.letters.template-dir=/srv/postbrug/templates").run(ctx -> {
			assertThat(ctx).hasFailed();
			assertThat(ctx.getStartupFailure()).hasStackTraceContaining(BrokenTemplate.class.getName())
				.hasStackTraceContaining("/srv/postbrug/templates/letter.html")
				.hasStackTraceContaining("does not exist");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LettersProperties.class)
	@Import(LetterRendering.class)
	static class Wiring {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
