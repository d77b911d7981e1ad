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
 * What the receiving mail server said about the sender: SPF, DKIM or DMARC failures, and
 * whether the sender was confirmed.
 * <p>
 * Anyone can write an {@code Authentication-Results} header into a mail, so when the own
 * server's authserv-ids are configured ({@code postbrug.intake.mail.authserv-ids}, RFC
 * 8601) only the results that server added count, for passes and failures alike; the
 * server must remove incoming headers that carry its own id. Without a configured id no
 * result is trusted to confirm anyone, and any failure found still counts, because a
 * forged failure only hurts the forger: the message goes to review.
 */
final class SenderAuthentication {

	/** Failed verdicts, each once ({@code spf=fail}); confirmed by a trusted pass. */
	record Check(List<String> failures, boolean confirmed) {

		static final Check UNKNOWN = new Check(List.of(), false);

	}

	private static final Pattern FAILURE = Pattern
		.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*(fail|softfail|permerror)\\b");

	private static final Pattern PASS = Pattern.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*pass\\b");

	private final Set<String> trustedIds;

	SenderAuthentication(List<String> trustedIds) {
		this.trustedIds = Set.copyOf(trustedIds);
	}

	Check check(MimeMessage mail) {
		Set<String> failures = new LinkedHashSet<>();
		boolean passed = false;
		for (String result : values(mail, "Authentication-Results")) {
			if (!trustedIds.isEmpty() && !trustedIds.contains(authservId(result))) {
				continue;
			}
			Matcher failure = FAILURE.matcher(result);
			while (failure.find()) {
				failures
					.add(failure.group(1).toLowerCase(Locale.ROOT) + "=" + failure.group(2).toLowerCase(Locale.ROOT));
			}
			passed |= !trustedIds.isEmpty() && PASS.matcher(result).find();
		}
		if (trustedIds.isEmpty()) {
			// Received-SPF names no server; it is only believed when it hurts the sender.
			for (String value : values(mail, "Received-SPF")) {
				String verdict = value.strip().toLowerCase(Locale.ROOT);
				if (verdict.startsWith("fail") || verdict.startsWith("softfail") || verdict.startsWith("permerror")) {
					failures.add("spf=" + verdict.split("[\\s;(]", 2)[0]);
				}
			}
		}
		return new Check(new ArrayList<>(failures), passed && failures.isEmpty());
	}

	/**
	 * The first token of the header, before any version number, comment or the first
	 * {@code ;}.
	 */
	static String authservId(String header) {
		String head = header.strip();
		int end = 0;
		while (end < head.length() && !Character.isWhitespace(head.charAt(end)) && head.charAt(end) != ';'
				&& head.charAt(end) != '(') {
			end++;
		}
		return head.substring(0, end).toLowerCase(Locale.ROOT);
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
