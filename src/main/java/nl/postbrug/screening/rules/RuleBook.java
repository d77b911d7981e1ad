package nl.postbrug.screening.rules;

import nl.postbrug.Sha256;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.screening.ScreeningSettings;

import org.springframework.stereotype.Component;

/**
 * The rule files in force: {@code default.rules} for every facility, and
 * {@code <FACILITY CODE>.rules} over it for one facility. Loaded at start-up (a bad file
 * stops the start with its name, line and reason) and on {@link #reload()}, which swaps
 * the rules only when every file is good.
 */
@Component
public class RuleBook {

	private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

	static final String DEFAULT = "default";

	/** The name under which {@link #forFacility} gives the shared rules alone. */
	public static final String DEFAULT_SET = DEFAULT;

	/**
	 * What is loaded: the files' combined SHA-256 (recorded with each screening) and the
	 * facilities with their own file.
	 */
	public record Loaded(String version, List<String> facilities, int words) {
	}

	private record State(Loaded loaded, RuleSet defaults, Map<String, RuleSet> facilities) {
	}

	private final Path dir;

	private volatile State state;

	public RuleBook(ScreeningSettings settings) {
		this.dir = settings.rulesDir();
		this.state = load();
		log.info("Screening rules {} loaded from {}: default{}", state.loaded().version().substring(0, 12), dir,
				state.loaded().facilities().isEmpty() ? "" : " + " + state.loaded().facilities());
	}

	public RuleSet forFacility(String code) {
		State current = state;
		return current.facilities().getOrDefault(code.toUpperCase(Locale.ROOT), current.defaults());
	}

	public Loaded loaded() {
		return state.loaded();
	}

	/**
	 * Reads the files again; on any error the rules in force stay and the error names
	 * file and line.
	 */
	public synchronized Loaded reload() {
		State fresh = load();
		state = fresh;
		log.info("Screening rules reloaded: {}", fresh.loaded());
		return fresh.loaded();
	}

	private State load() {
		Path defaultFile = dir.resolve(DEFAULT + ".rules");
		if (!Files.isRegularFile(defaultFile)) {
			throw new MalformedRules(defaultFile.toString(), 0,
					"the shared rule file is missing; set postbrug.screening.rules-dir to a folder holding default.rules");
		}
		MessageDigest digest = Sha256.digest();
		RuleFile base = read(defaultFile, digest);
		RuleSet defaults = RuleSet.compile(base);
		Map<String, RuleSet> facilities = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (!name.endsWith(".rules") || name.equals(DEFAULT + ".rules")) {
					continue;
				}
				String facility = name.substring(0, name.length() - ".rules".length()).toUpperCase(Locale.ROOT);
				if (!facility.matches("[A-Z0-9_-]{1,16}")) {
					throw new MalformedRules(file.toString(), 0, "a facility rule file is named <FACILITY CODE>.rules");
				}
				facilities.put(facility, RuleSet.compile(RuleFile.merge(base, read(file, digest))));
			}
		}
		catch (IOException ex) {
			throw new MalformedRules(dir.toString(), 0, "cannot list the rule folder: " + ex.getMessage());
		}
		int words = defaults.wordCount();
		return new State(new Loaded(HexFormat.of().formatHex(digest.digest()), List.copyOf(facilities.keySet()), words),
				defaults, Map.copyOf(facilities));
	}

	private static RuleFile read(Path file, MessageDigest digest) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
			digest.update(bytes);
			String content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
			return RuleFile.parse(file.toString(), content);
		}
		catch (CharacterCodingException ex) {
			throw new MalformedRules(file.toString(), 0, "the file is not UTF-8 text");
		}
		catch (IOException ex) {
			throw new MalformedRules(file.toString(), 0, "cannot read the file: " + ex.getMessage());
		}
	}

}
