package nl.postbrug.audit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import nl.postbrug.audit.AuditFixture;
import nl.postbrug.audit.anchor.AnchorKeys;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit verify} against an H2 file database, as an auditor runs it with the
 * service stopped: in this JVM for each outcome, and once as a process of its own through
 * the application's entry point.
 */
class AuditVerifyCommandTests {

	@TempDir
	Path dir;

	private String url;

	private Path anchors;

	private Path publicKey;

	private AuditFixture audit;

	@BeforeEach
	void tenEventsAnchoredTwice() throws Exception {
		url = "jdbc:h2:file:" + dir.resolve("db/postbrug");
		DriverManagerDataSource database = new DriverManagerDataSource(url, "sa", "");
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		anchors = dir.resolve("anchors");
		audit = new AuditFixture(database, anchors).events(5);
		audit.anchor();
		audit.events(5);
		audit.anchor();
		publicKey = dir.resolve("anchor-public.pem");
		Files.writeString(publicKey, AnchorKeys.pem("PUBLIC KEY", audit.keys.getPublic().getEncoded()));
	}

	@Test
	void anIntactLogExitsWithZero() {
		Run run = verify("--anchors=" + anchors, "--public-key=" + publicKey);
		assertThat(run.status()).as(run.output()).isEqualTo(AuditVerifyCommand.VALID);
		assertThat(run.output()).contains("Audit log: 10 events checked")
			.contains("Chain: intact.")
			.contains("2 found, 2 confirmed, checked with key " + AnchorKeys.id(audit.keys.getPublic()))
			.contains("Newest confirmed anchor: event #10")
			.contains("Result: VALID");
	}

	@Test
	void aChangedEventExitsWithOneAndNamesIt() {
		audit.jdbc.sql("UPDATE audit_event SET actor = 'someone-else' WHERE seq = 3").update();
		Run run = verify("--anchors=" + anchors, "--public-key=" + publicKey);
		assertThat(run.status()).as(run.output()).isEqualTo(AuditVerifyCommand.BROKEN);
		assertThat(run.output()).contains("cannot be trusted from event #3 on: this event's content does not match")
			.contains("Result: BROKEN");
	}

	@Test
	void theNewestEventsDeletedWithTheHeadRewoundAreNamedByTheAnchor() {
		audit.deleteNewestAndRewindHead(4);
		Run run = verify("--anchors=" + anchors, "--public-key=" + publicKey);
		assertThat(run.status()).as(run.output()).isEqualTo(AuditVerifyCommand.BROKEN);
		assertThat(run.output()).contains("cannot be trusted from event #7 on: a signed anchor names an event past")
			.containsPattern("anchor-00000000000000000010-\\S+\\.txt \\(event #10\\): The anchor names an event past");
	}

	@Test
	void theWrongPublicKeyConfirmsNoAnchor() throws Exception {
		Path other = dir.resolve("other.pem");
		Files.writeString(other, AnchorKeys.pem("PUBLIC KEY", AnchorKeys.generate().getPublic().getEncoded()));
		Run run = verify("--anchors=" + anchors, "--public-key=" + other);
		assertThat(run.status()).isEqualTo(AuditVerifyCommand.BROKEN);
		assertThat(run.output()).contains("0 confirmed").contains("Signed with another key");
	}

	@Test
	void anchorsThatCannotBeCheckedAreNotPassedAsValid() {
		Run run = verify("--anchors=" + anchors);
		assertThat(run.status()).isEqualTo(AuditVerifyCommand.ERROR);
		assertThat(run.output()).contains("2 found but not checked: there is no public key")
			.contains("NOT FULLY CHECKED");
	}

	@Test
	void aLogWithEventsButNoAnchorsIsNotPassedAsValid() {
		Run run = verify("--anchors=" + dir.resolve("elsewhere"), "--public-key=" + publicKey);
		assertThat(run.status()).isEqualTo(AuditVerifyCommand.ERROR);
		assertThat(run.output()).contains("none found").contains("NOT FULLY CHECKED");
	}

	@Test
	void aDatabaseThatIsNotThereIsAnErrorAndIsNotCreated() {
		Path missing = dir.resolve("nowhere/postbrug");
		Run run = new Run(new AuditVerifyCommand(), "--spring.datasource.url=jdbc:h2:file:" + missing,
				"--anchors=" + anchors, "--public-key=" + publicKey);
		assertThat(run.status()).isEqualTo(AuditVerifyCommand.ERROR);
		assertThat(run.output()).contains("Error:");
		assertThat(missing.getParent()).doesNotExist();
	}

	@Test
	void anArgumentItDoesNotKnowShowsTheUsage() {
		Run run = verify("--anchors", "now");
		assertThat(run.status()).isEqualTo(AuditVerifyCommand.ERROR);
		assertThat(run.output()).contains("Usage: java -jar postbrug.jar audit verify");
	}

	@Test
	void theJarsEntryPointRunsItAsAProcessWithItsExitStatus() throws Exception {
		Process valid = process();
		String validOutput = new String(valid.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(valid.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(valid.exitValue()).as(validOutput).isZero();
		assertThat(validOutput).contains("Resultaat: GELDIG").doesNotContain("Started PostbrugApplication");

		audit.jdbc.sql("DELETE FROM audit_event WHERE seq = 6").update();
		Process broken = process();
		String brokenOutput = new String(broken.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(broken.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(broken.exitValue()).as(brokenOutput).isEqualTo(1);
		assertThat(brokenOutput).contains("niet te vertrouwen vanaf gebeurtenis #6: deze gebeurtenis ontbreekt")
			.contains("Resultaat: GEBROKEN");
	}

	private Process process() throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.language=nl",
						"-Duser.country=NL", "-XX:TieredStopAtLevel=1", "-cp", classPath,
						"nl.postbrug.PostbrugApplication", "audit", "verify", "--spring.datasource.url=" + url,
						"--anchors=" + anchors, "--public-key=" + publicKey));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	private Run verify(String... args) {
		List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + url));
		all.addAll(List.of(args));
		return new Run(new AuditVerifyCommand(), all.toArray(String[]::new));
	}

	private record Run(int status, String output) {

		Run(AuditVerifyCommand command, String... args) {
			this(command, new ByteArrayOutputStream(), args);
		}

		private Run(AuditVerifyCommand command, ByteArrayOutputStream buffer, String... args) {
			this(run(command, buffer, args), buffer.toString(StandardCharsets.UTF_8));
		}

		private static int run(AuditVerifyCommand command, ByteArrayOutputStream buffer, String... args) {
			List<String> all = new ArrayList<>(List.of("audit", "verify"));
			all.addAll(List.of(args));
			return command.run(all.toArray(String[]::new), new PrintStream(buffer, true, StandardCharsets.UTF_8),
					Locale.ENGLISH);
		}

	}

}
