package nl.postbrug.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test that {@code docs/security.md} names as the proof of a control exists (and so
 * does the named test method), and every row of the threat model names at least one: a
 * renamed or deleted test cannot leave a claim without its proof.
 */
class SecurityDocTests {

	private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*Tests)(?:\\.([a-zA-Z0-9_]+))?`");

	@Test
	void everyNamedTestExists() throws IOException {
		String doc = Files.readString(AccessMatrixTests.DOC, StandardCharsets.UTF_8);
		Map<String, Path> tests;
		try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
			tests = files.filter(file -> file.getFileName().toString().endsWith("Tests.java"))
				.collect(Collectors.toMap(file -> file.getFileName().toString().replace(".java", ""), file -> file,
						(a, b) -> a));
		}
		List<String> missing = new ArrayList<>();
		Matcher named = NAMED.matcher(doc);
		int count = 0;
		while (named.find()) {
			count++;
			Path file = tests.get(named.group(1));
			if (file == null) {
				missing.add(named.group(1));
			}
			else if (named.group(2) != null && !Files.readString(file).contains("void " + named.group(2) + "(")) {
				missing.add(named.group(1) + "." + named.group(2));
			}
		}
		assertThat(count).as("tests named in %s", AccessMatrixTests.DOC).isGreaterThan(20);
		assertThat(missing).as("tests named in %s that do not exist", AccessMatrixTests.DOC).isEmpty();
	}

	@Test
	void everyThreatNamesItsProof() throws IOException {
		List<String> unproven = new ArrayList<>();
		for (String line : Files.readAllLines(AccessMatrixTests.DOC, StandardCharsets.UTF_8)) {
			if (line.startsWith("| **") && !line.endsWith("|")) {
				unproven.add(line);
			}
			else if (line.startsWith("| **")) {
				String[] cells = line.split("\\|");
				String proof = cells[cells.length - 1];
				if (!NAMED.matcher(proof).find() && !proof.contains("README")) {
					unproven.add(cells[1].strip());
				}
			}
		}
		assertThat(unproven).as("threats without a named test").isEmpty();
	}

}
