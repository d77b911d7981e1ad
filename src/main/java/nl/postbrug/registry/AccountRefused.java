package nl.postbrug.registry;

import java.util.List;

/**
 * What a relative typed cannot be taken: {@code field} names the form field, {@code code}
 * the text in {@code i18n/registry} ({@code account.refused.<code>}) with its values.
 */
public class AccountRefused extends RuntimeException {

	private final String field;

	private final String code;

	private final List<Object> args;

	public AccountRefused(String field, String code, Object... args) {
		super(field + ": " + code);
		this.field = field;
		this.code = code;
		this.args = List.of(args);
	}

	public String field() {
		return this.field;
	}

	/** The bundle key of the text. */
	public String key() {
		return "account.refused." + this.code;
	}

	public Object[] args() {
		return this.args.toArray();
	}

}
