package nl.postbrug;

import java.time.Clock;
import java.util.ServiceLoader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class PostbrugApplication {

	public static void main(String[] args) {
		for (Command command : ServiceLoader.load(Command.class)) {
			if (command.handles(args)) {
				System.exit(command.run(args));
			}
		}
		SpringApplication.run(PostbrugApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
