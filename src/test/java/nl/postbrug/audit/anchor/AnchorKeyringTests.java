package nl.postbrug.audit.anchor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.postbrug.audit.AuditSettings;
import nl.postbrug.support.RequiresTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class AnchorKeyringTests {

	@TempDir
	Path dir;

	@Test
	void theSigningKeyComesAsBase64Pkcs8AndItsPublicHalfIsDerived() {
		KeyPair pair = AnchorKeys.generate();
		AnchorKeyring keys = AnchorKeyring
			.load(settings(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), null, null, false));
		assertThat(keys.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
		SignedAnchor signed = keys.signer().sign(new Anchor(1, "0".repeat(64), Instant.parse("2026-11-28T10:00:00Z")));
		assertThat(AnchorSigner.verify(signed, pair.getPublic())).isTrue();
	}

	@Test
	@RequiresTool(value = "openssl", debianPackage = "openssl")
	void aKeyMadeByOpensslIsReadFromItsPemFileAndMatchesOpensslsPublicKey() throws Exception {
		Path key = dir.resolve("anchor-key.pem");
		Path pub = dir.resolve("anchor-public.pem");
		run("openssl", "genpkey", "-algorithm", "ed25519", "-out", key.toString());
		run("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());
		AnchorKeyring keys = AnchorKeyring.load(settings(null, key, null, false));
		assertThat(keys.publicKey().getEncoded()).isEqualTo(AnchorKeys.publicKey(Files.readString(pub)).getEncoded());
		// and the verifier's --public-key takes the file as it is
		assertThat(AnchorKeyring.publicKey(pub.toString(), settings(null, null, null, false)).getEncoded())
			.isEqualTo(keys.publicKey().getEncoded());
	}

	@Test
	void aPublicKeyThatBelongsToAnotherKeyStopsTheStart() {
		KeyPair pair = AnchorKeys.generate();
		String other = Base64.getEncoder().encodeToString(AnchorKeys.generate().getPublic().getEncoded());
		assertThatThrownBy(() -> AnchorKeyring
			.load(settings(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), null, other, false)))
			.hasMessageContaining("does not belong");
	}

	@Test
	void withoutAKeyTheServiceDoesNotStartAndIsToldHowToMakeOne() {
		assertThatThrownBy(() -> AnchorKeyring.load(settings(null, dir.resolve("missing.pem"), null, false)))
			.hasMessageContaining("postbrug.audit.anchor-key")
			.hasMessageContaining("openssl genpkey -algorithm ed25519");
	}

	@Test
	void somethingElseThanAKeyIsRefusedWithAReason() {
		assertThatThrownBy(() -> AnchorKeyring.load(settings("bm90IGEga2V5", null, null, false)))
			.hasMessageContaining("not an Ed25519 private key");
	}

	@Test
	void theDemoMakesAKeyOnceSaysSoAndKeepsItForTheNextStart(CapturedOutput output) throws Exception {
		Path key = dir.resolve("audit/demo-anchor-key.pem");
		AnchorKeyring first = AnchorKeyring.load(settings(null, key, null, true));
		assertThat(key).exists();
		assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(output.getOut()).contains("DEMO: generated an audit anchor signing key");
		AnchorKeyring second = AnchorKeyring.load(settings(null, key, null, true));
		assertThat(second.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
	}

	private static AuditSettings settings(String key, Path keyFile, String publicKey, boolean demo) {
		return new AuditSettings(Duration.ofMinutes(10), Path.of("anchors"), key, keyFile, publicKey, demo, List.of(),
				Duration.ofDays(366));
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
	}

}
