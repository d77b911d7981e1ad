package nl.postbrug.registry.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.registry.RegistryImport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Outside the demo there are no default accounts: the first administrator comes from
 * configuration ({@code postbrug.security.initial-admin.username} and {@code .password}),
 * once.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	private final RegistryImport registry;

	private final String username;

	private final String password;

	InitialAdministrator(RegistryImport registry,
			@Value("${postbrug.security.initial-admin.username:}") String username,
			@Value("${postbrug.security.initial-admin.password:}") String password) {
		this.registry = registry;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (username.isBlank()) {
			return;
		}
		if (password.length() < 12) {
			throw new IllegalStateException(
					"postbrug.security.initial-admin.password must be at least 12 characters; refusing to create '"
							+ username + "'");
		}
		if (registry.createAdministratorIfAbsent(username, password)) {
			log.info("Created the initial administrator '{}' from configuration", username);
		}
	}

}
