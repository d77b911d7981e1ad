package nl.postbrug.audit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import nl.postbrug.Command;
import nl.postbrug.audit.AuditSettings;
import nl.postbrug.audit.Verification;
import nl.postbrug.audit.anchor.AnchorFolder;
import nl.postbrug.audit.anchor.AnchorKeyring;
import nl.postbrug.audit.chain.ChainVerifier;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar postbrug.jar audit verify [--anchors=DIR] [--public-key=FILE|BASE64]}:
 * checks the chain and every anchor of the configured database without the service
 * running. It reads the same configuration as the service (application.yml, profiles,
 * environment, {@code --name=value}) but starts only a connection pool: no web server, no
 * schedules, no migrations, nothing written.
 * <p>
 * Exit status 0: the log holds; 1: it does not (what and where is printed); 2: it could
 * not be fully checked (no database, bad arguments, no anchors for a log that has events,
 * or no public key for the anchors found).
 */
public final class AuditVerifyCommand implements Command {

	public static final int VALID = 0;

	public static final int BROKEN = 1;

	public static final int ERROR = 2;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	@EnableConfigurationProperties(AuditSettings.class)
	static class Context {

	}

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private PrintStream out = System.out;

	private Locale locale = Locale.getDefault();

	/** Found by {@link java.util.ServiceLoader} (META-INF/services). */
	public AuditVerifyCommand() {
		messages.setBasename("i18n/audit");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		// The same reading as the application's
		// (spring.messages.always-use-message-format).
		messages.setAlwaysUseMessageFormat(true);
	}

	/** Whether the arguments ask for this command ({@code audit verify …}). */
	@Override
	public boolean handles(String[] args) {
		return args.length >= 2 && args[0].equals("audit") && args[1].equals("verify");
	}

	@Override
	public int run(String[] args) {
		return verify(Arrays.copyOfRange(args, 2, args.length));
	}

	/** The same, printing to {@code out} in the given language. */
	int run(String[] args, PrintStream out, Locale locale) {
		this.out = out;
		this.locale = locale;
		return run(args);
	}

	private int verify(String[] args) {
		String anchorsDir = null;
		String publicKey = null;
		List<String> springArgs = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--anchors=")) {
				anchorsDir = arg.substring("--anchors=".length());
			}
			else if (arg.startsWith("--public-key=")) {
				publicKey = arg.substring("--public-key=".length());
			}
			else if (arg.startsWith("--") && arg.contains("=")) {
				springArgs.add(arg);
			}
			else {
				out.println(text("audit.cli.usage"));
				return ERROR;
			}
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Context.class)
			.web(WebApplicationType.NONE)
			.registerShutdownHook(false)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// the result is the output: no pool and framework chatter around it
			.properties("logging.level.com.zaxxer.hikari=WARN", "logging.level.org.springframework=WARN")
			.initializers(AuditVerifyCommand::openExistingH2Only)
			.run(springArgs.toArray(String[]::new))) {
			AuditSettings settings = context.getBean(AuditSettings.class);
			DataSource dataSource = context.getBean(DataSource.class);
			AnchorFolder folder = new AnchorFolder(anchorsDir == null ? settings.anchorDir() : Path.of(anchorsDir));
			PublicKey key = AnchorKeyring.publicKey(publicKey, settings);
			List<AnchorFolder.Read> anchors = folder.readAll();
			Verification verification = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
				.execute(tx -> new ChainVerifier(dataSource).verify(anchors, key));
			return report(verification, folder);
		}
		catch (RuntimeException ex) {
			out.println(text("audit.cli.error", rootMessage(ex)));
			return ERROR;
		}
	}

	/**
	 * H2 creates a database that is not there; a check must not, or a mistyped path would
	 * verify an empty log as intact.
	 */
	private static void openExistingH2Only(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		String url = environment.getProperty("spring.datasource.url");
		if (url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
				&& !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
			environment.getPropertySources()
				.addFirst(
						new MapPropertySource("audit-verify", Map.of("spring.datasource.url", url + ";IFEXISTS=TRUE")));
		}
	}

	private int report(Verification v, AnchorFolder folder) {
		out.println(text("audit.cli.events", v.events(), v.legacyEvents()));
		if (v.firstBroken() == null) {
			out.println(text("audit.cli.intact"));
		}
		else {
			out.println(text("audit.cli.broken", v.firstBroken(), text("audit.problem." + v.problem())));
		}
		Verification.Anchors a = v.anchors();
		// without anchors, or without the key to trust them, a cut-off end goes unseen
		boolean unchecked = a.found() > 0 ? !a.checked() : v.events() > 0;
		if (a.found() == 0) {
			out.println(text("audit.cli.anchors.none", folder.dir()));
		}
		else if (unchecked) {
			out.println(text("audit.cli.anchors.unchecked", folder.dir(), a.found()));
		}
		else {
			out.println(text("audit.cli.anchors", folder.dir(), a.found(), a.confirmed(), a.keyId()));
			if (a.newestSeq() != null) {
				out.println(text("audit.cli.anchors.newest", a.newestSeq(), TIME.format(a.newestAt())));
			}
		}
		for (Verification.AnchorProblem problem : a.problems()) {
			out.println(text("audit.cli.anchor.problem", problem.file(),
					problem.seq() == null ? "?" : "#" + problem.seq(), text("audit.fault." + problem.fault())));
		}
		if (!v.valid()) {
			out.println(text("audit.cli.result.broken"));
			return BROKEN;
		}
		if (unchecked) {
			out.println(text("audit.cli.result.unchecked"));
			return ERROR;
		}
		out.println(text("audit.cli.result.valid"));
		return VALID;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() == null ? cause.toString() : cause.getMessage();
	}

}
