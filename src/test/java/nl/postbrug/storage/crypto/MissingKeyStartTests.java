package nl.postbrug.storage.crypto;

import java.security.KeyPairGenerator;
import java.util.Base64;

import nl.postbrug.PostbrugApplication;
import nl.postbrug.support.DataDirs;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the demo profile encryption at rest is on, and without a key the service does
 * not start: the reason names the property to set.
 */
class MissingKeyStartTests {

	@Test
	void aProductionStartWithoutAKeyStopsNamingTheProperty() throws Exception {
		String dir = DataDirs.fresh("no-key");
		String anchorKey = Base64.getEncoder()
			.encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
		assertThatThrownBy(() -> {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PostbrugApplication.class)
				.run("--postbrug.data-dir=" + dir, "--server.port=0", "--postbrug.audit.anchor-key=" + anchorKey)) {
				assertThat(context).as("started without a key").isNull();
			}
		}).rootCause()
			.hasMessageContaining("postbrug.encryption.current-key")
			.hasMessageContaining("postbrug.encryption.keys.<id>");
	}

	@Test
	void theSameStartWithAKeyRuns() throws Exception {
		String dir = DataDirs.fresh("with-key");
		String anchorKey = Base64.getEncoder()
			.encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PostbrugApplication.class).run(
				"--postbrug.data-dir=" + dir, "--server.port=0", "--postbrug.audit.anchor-key=" + anchorKey,
				"--postbrug.encryption.keys.k1=" + EncryptionAtRestTests.randomKey(),
				"--postbrug.encryption.current-key=k1")) {
			assertThat(context.getBean(nl.postbrug.storage.ContentEncryption.class).currentKeyId()).hasValue("k1");
		}
	}

}
