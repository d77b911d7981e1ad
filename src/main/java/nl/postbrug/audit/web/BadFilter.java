package nl.postbrug.audit.web;

/**
 * A filter of the audit listing or export that cannot be used; {@code code} names the
 * message in {@code i18n/audit} that explains it, {@code args} fill it in.
 */
class BadFilter extends RuntimeException {

	private final String code;

	private final String field;

	private final transient Object[] args;

	BadFilter(String code, String field, Object... args) {
		super(code + " (" + field + ")");
		this.code = code;
		this.field = field;
		this.args = args;
	}

	String code() {
		return code;
	}

	String field() {
		return field;
	}

	Object[] args() {
		return args;
	}

}
