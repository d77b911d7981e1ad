package nl.postbrug.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The words for a {@link Reason}, in a person's language, from the message bundles: the
 * text of {@code reason.<code>}, or of {@code reason.<code>.<first value>} where the
 * first value picks one of several texts (a screener's listed reason), with the values
 * filled in. Each module keeps the texts of the codes it writes in its own bundle. A code
 * without a text shows as code and values rather than failing.
 */
@Component
public class ReasonTexts {

	/** The service's first language; the bundles without a suffix are Dutch. */
	public static final Locale DUTCH = Locale.forLanguageTag("nl");

	public static final Locale ENGLISH = Locale.ENGLISH;

	private final MessageSource messages;

	public ReasonTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String text(Reason reason, Locale locale) {
		try {
			return messages.getMessage(resolvable(reason), locale);
		}
		catch (NoSuchMessageException ex) {
			return reason.toString();
		}
	}

	static MessageSourceResolvable resolvable(Reason reason) {
		List<String> codes = new ArrayList<>();
		if (!reason.args().isEmpty()) {
			codes.add("reason." + reason.code() + "." + reason.args().get(0));
		}
		codes.add("reason." + reason.code());
		return new DefaultMessageSourceResolvable(codes.toArray(String[]::new), reason.args().toArray());
	}

}
