package nl.postbrug.intake.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * SPF, DKIM or DMARC failures in any {@code Authentication-Results} or
 * {@code Received-SPF} header. Every such header counts, not only the receiving server's:
 * a forged failure only hurts the forger (the message goes to review), and a forged pass
 * is never looked at.
 */
final class SenderAuthentication {

	private static final Pattern FAILURE = Pattern
		.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*(fail|softfail|permerror)\\b");

	private SenderAuthentication() {
	}

	/** The failed verdicts, each once, e.g. {@code spf=fail}; empty when none failed. */
	static List<String> failures(MimeMessage mail) {
		Set<String> failures = new LinkedHashSet<>();
		for (String result : values(mail, "Authentication-Results")) {
			Matcher failure = FAILURE.matcher(result);
			while (failure.find()) {
				failures
					.add(failure.group(1).toLowerCase(Locale.ROOT) + "=" + failure.group(2).toLowerCase(Locale.ROOT));
			}
		}
		for (String value : values(mail, "Received-SPF")) {
			String verdict = value.strip().toLowerCase(Locale.ROOT);
			if (verdict.startsWith("fail") || verdict.startsWith("softfail") || verdict.startsWith("permerror")) {
				failures.add("spf=" + verdict.split("[\\s;(]", 2)[0]);
			}
		}
		return new ArrayList<>(failures);
	}

	private static String[] values(MimeMessage mail, String name) {
		try {
			String[] values = mail.getHeader(name);
			return values == null ? new String[0] : values;
		}
		catch (MessagingException ex) {
			return new String[0];
		}
	}

}
