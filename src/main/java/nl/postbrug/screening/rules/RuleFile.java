package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lines of one rule file, by section. The format is deliberately small:
 *
 * <pre>
 * # comment
 * [section]
 * key = value
 * </pre>
 *
 * Syntax is checked here; what the keys and values mean is checked by {@link RuleSet},
 * which reports problems against the {@link Entry}'s file and line.
 */
final class RuleFile {

	static final Set<String> SECTIONS = Set.of("policy", "words", "patterns", "code-like", "no-contact", "limits",
			"photos", "characters", "language", "authentication", "signals", "model");

	record Entry(String file, int line, String key, String value) {

		MalformedRules error(String reason) {
			return new MalformedRules(file, line, reason);
		}

	}

	final String name;

	final Map<String, List<Entry>> sections;

	private RuleFile(String name, Map<String, List<Entry>> sections) {
		this.name = name;
		this.sections = sections;
	}

	List<Entry> section(String section) {
		return sections.getOrDefault(section, List.of());
	}

	static RuleFile parse(String name, String content) {
		Map<String, List<Entry>> sections = new LinkedHashMap<>();
		String current = null;
		String[] lines = content.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			int number = i + 1;
			String line = stripComment(lines[i]).strip();
			if (line.isEmpty()) {
				continue;
			}
			if (line.length() > 10_000) {
				throw new MalformedRules(name, number, "line is longer than 10,000 characters");
			}
			if (line.startsWith("[")) {
				if (!line.endsWith("]")) {
					throw new MalformedRules(name, number, "a section header must end with ']'");
				}
				current = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
				if (!SECTIONS.contains(current)) {
					throw new MalformedRules(name, number, "unknown section [" + current + "]; known sections are "
							+ String.join(", ", SECTIONS.stream().sorted().toList()));
				}
				sections.computeIfAbsent(current, s -> new ArrayList<>());
				continue;
			}
			int equals = line.indexOf('=');
			if (equals <= 0) {
				throw new MalformedRules(name, number,
						"expected 'key = value' or a [section] header, found '" + abbreviate(line) + "'");
			}
			if (current == null) {
				throw new MalformedRules(name, number, "'" + abbreviate(line) + "' stands before any [section] header");
			}
			String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(equals + 1).strip();
			sections.get(current).add(new Entry(name, number, key, value));
		}
		return new RuleFile(name, sections);
	}

	/**
	 * A facility's file over the shared default: word lists and no-contact names add up,
	 * settings replace.
	 */
	static RuleFile merge(RuleFile base, RuleFile facility) {
		Map<String, List<Entry>> merged = new LinkedHashMap<>();
		for (String section : SECTIONS) {
			List<Entry> entries = new ArrayList<>(base.section(section));
			List<Entry> override = facility.section(section);
			if (!section.equals("words") && !section.equals("no-contact")) {
				Set<String> replaced = new java.util.HashSet<>();
				override.forEach(entry -> replaced.add(entry.key()));
				entries.removeIf(entry -> replaced.contains(entry.key()));
			}
			entries.addAll(override);
			if (!entries.isEmpty()) {
				merged.put(section, entries);
			}
		}
		return new RuleFile(base.name + " + " + facility.name, merged);
	}

	/** A '#' starts a comment unless it stands inside double quotes. */
	private static String stripComment(String line) {
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '#' && !quoted) {
				return line.substring(0, i);
			}
		}
		return line;
	}

	private static String abbreviate(String line) {
		return line.length() > 60 ? line.substring(0, 57) + "..." : line;
	}

}
