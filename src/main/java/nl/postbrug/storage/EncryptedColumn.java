package nl.postbrug.storage;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One column of encrypted content, declared as a bean by the module that owns its table,
 * so that the key rotation job (in this module) can re-encrypt it without knowing the
 * module: the content column, the column beside it that holds the key id ({@code null}:
 * stored as it is), the columns that order the rows, and the columns that name a row in
 * the content's context (the associated data), which is {@code kind:value:value}.
 *
 * @param kind what the content is, e.g. {@code message.body}; starts every context
 * @param text whether the content column is text (ciphertext in base64) or binary
 */
public record EncryptedColumn(String kind, String table, String valueColumn, String keyColumn, boolean text,
		List<String> order, List<String> contextColumns) {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	public EncryptedColumn {
		order = List.copyOf(order);
		contextColumns = List.copyOf(contextColumns);
		// the names go into SQL: only plain identifiers, fixed in code
		for (String name : concat(List.of(table, valueColumn, keyColumn), order, contextColumns)) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a plain column or table name: " + name);
			}
		}
		if (order.isEmpty() || order.size() > 2 || contextColumns.isEmpty()) {
			throw new IllegalArgumentException("One or two order columns and at least one context column");
		}
	}

	/** The associated data of the row named by {@code values} (the context columns'). */
	public String context(Object... values) {
		if (values.length != contextColumns.size()) {
			throw new IllegalArgumentException(kind + " is named by " + contextColumns);
		}
		return kind + ":" + Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(":"));
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return Arrays.stream(lists).flatMap(List::stream).toList();
	}

}
