package nl.postbrug.letters.pdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** The values merged into one template: text fields, generated blocks and repeated rows. */
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
	void digest(java.security.MessageDigest md) {
		new java.util.TreeMap<>(this.text).forEach((k, v) -> {
			md.update(k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			md.update((byte) 0);
			md.update(v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			md.update((byte) 0);
		});
		new java.util.TreeMap<>(this.lists).forEach((k, rows) -> rows
			.forEach(row -> new java.util.TreeMap<>(row).forEach((f, v) -> md.update((k + f + v).getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
	}

}
