package nl.postbrug;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PostbrugApplication {

	public static void main(String[] args) {
		SpringApplication.run(PostbrugApplication.class, args);
	}

}
