package nl.postbrug.letters.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The values merged into one template: text fields, generated blocks and repeated rows.
 */
final class Fields {

	final Map<String, String> text = new HashMap<>();

	final Map<String, Function<Document, List<Node>>> blocks = new HashMap<>();

	final Map<String, List<Map<String, String>>> lists = new HashMap<>();

	Fields text(String name, String value) {
		this.text.put(name, value == null ? "" : value);
		return this;
	}

	Fields block(String name, Function<Document, List<Node>> builder) {
		this.blocks.put(name, builder);
		return this;
	}

	Fields list(String name, List<Map<String, String>> rows) {
		this.lists.put(name, rows);
		return this;
	}

	/** A feed for the document ID, so the same values give the same PDF. */
	void digest(MessageDigest md) {
		new TreeMap<>(this.text).forEach((k, v) -> {
			md.update(k.getBytes(StandardCharsets.UTF_8));
			md.update((byte) 0);
			md.update(v.getBytes(StandardCharsets.UTF_8));
			md.update((byte) 0);
		});
		new TreeMap<>(this.lists).forEach((list, rows) -> rows.forEach(row -> new TreeMap<>(row).forEach((field,
				value) -> md.update((list + '\0' + field + '\0' + value + '\0').getBytes(StandardCharsets.UTF_8)))));
	}

}
