package nl.postbrug.intake.mail;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

/**
 * Finds the prisoner a mail is for, in order: a sub-address tag ({@code post+<number>@…}
 * in To, Cc, Delivered-To or X-Original-To), a registry number in the subject, or the
 * sender's only approved prisoner. Nothing else is guessed: screening explains to the
 * sender when none is found.
 */
final class PrisonerAddressing {

	private static final Pattern SUB_ADDRESS = Pattern.compile("^[^+@]+\\+([^@]+)@", Pattern.CASE_INSENSITIVE);

	private static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("\\b([0-9]{4,32})\\b");

	private static final int MAX_RECIPIENTS = 20;

	private final Registry registry;

	PrisonerAddressing(Registry registry) {
		this.registry = registry;
	}

	Optional<Prisoner> prisoner(MimeMessage mail, String subject, Optional<Contact> sender) {
		for (String recipient : recipients(mail)) {
			Matcher tag = SUB_ADDRESS.matcher(recipient);
			if (tag.find()) {
				Optional<Prisoner> tagged = registry.prisoner(tag.group(1));
				if (tagged.isPresent()) {
					return tagged;
				}
			}
		}
		if (subject != null) {
			Matcher number = NUMBER_IN_SUBJECT.matcher(subject);
			while (number.find()) {
				Optional<Prisoner> named = registry.prisoner(number.group(1));
				if (named.isPresent()) {
					return named;
				}
			}
		}
		if (sender.isPresent()) {
			List<Prisoner> approved = registry.approvedPrisoners(sender.get().id());
			if (approved.size() == 1) {
				return Optional.of(approved.get(0));
			}
		}
		return Optional.empty();
	}

	/** The plain addresses the mail was sent to, at most 20, each once. */
	static Set<String> recipients(MimeMessage mail) {
		Set<String> addresses = new LinkedHashSet<>();
		for (String name : new String[] { "To", "Cc", "Delivered-To", "X-Original-To" }) {
			try {
				String[] values = mail.getHeader(name);
				if (values == null) {
					continue;
				}
				for (String value : values) {
					for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
						String email = SenderAddress.valid(address.getAddress());
						if (email != null && addresses.size() < MAX_RECIPIENTS) {
							addresses.add(email);
						}
					}
				}
			}
			catch (MessagingException | RuntimeException ex) {
				// a broken recipient header does not make the mail unreadable
			}
		}
		return addresses;
	}

}
