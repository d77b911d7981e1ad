package nl.postbrug.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.MailNotes;
import nl.postbrug.intake.MessageView;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.stereotype.Component;

/**
 * The rules every message meets: who may write to whom (policy, rejected outright), and content that
 * needs a human look (links, phone numbers, bank accounts). The reject explanations are written for
 * the sender, who is told them.
 */
@Component
class ScreeningRules {

	private record ContentPattern(String ruleId, Pattern pattern, String explanation) {
	}

	// Most specific first: a span already claimed (the digits of an IBAN) is not found again as a phone number.
	private static final List<ContentPattern> CONTENT = List.of(
			new ContentPattern("url", Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s]+"),
					"A web address: the prisoner cannot follow it, and it may carry instructions"),
			new ContentPattern("iban", Pattern.compile("(?i)\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\\b"),
					"A bank account number (IBAN)"),
			new ContentPattern("phone-number", Pattern.compile("(?<![\\w+])(?:\\+|00)?[0-9](?:[ .-]?[0-9]){8,13}(?!\\w)"),
					"A phone number"));

	private final Registry registry;

	private final IntakeSettings limits;

	ScreeningRules(Registry registry, IntakeSettings limits) {
		this.registry = registry;
		this.limits = limits;
	}

	List<Finding> check(MessageView message) {
		return check(message, MailNotes.NONE);
	}

	/**
	 * Checks a message together with what intake noted about its mail: a refusal by intake or an
	 * automatic mail (bounce, auto-reply, the system's own) is rejected with its reason; failed sender
	 * authentication (SPF/DKIM/DMARC) always sends the message to a human, never straight to approval.
	 */
	List<Finding> check(MessageView message, MailNotes notes) {
		if (notes.refusal() != null) {
			return reject("intake-refused", notes.refusal());
		}
		if (notes.noReply() != null) {
			return reject("automatic-mail", "Recorded but not delivered: this is " + notes.noReply() + ".");
		}
		List<Finding> policy = policy(message);
		if (!policy.isEmpty()) {
			return policy;
		}
		List<Finding> findings = new ArrayList<>();
		for (ContentPattern rule : CONTENT) {
			Matcher match = rule.pattern().matcher(message.body());
			while (match.find()) {
				int start = match.start();
				int end = match.end();
				if (findings.stream().anyMatch(f -> f.start() < end && start < f.end())) {
					continue;
				}
				findings.add(new Finding(rule.ruleId(), Finding.Severity.REVIEW, rule.explanation(), match.start(),
						match.end()));
			}
		}
		// Added last: the span checks above only compare findings that have spans.
		if (notes.authFailure() != null) {
			findings.add(Finding.whole("sender-authentication", Finding.Severity.REVIEW,
					"The receiving mail server could not confirm the sender (" + notes.authFailure()
							+ "); the mail may be forged"));
		}
		return findings;
	}

	private List<Finding> policy(MessageView message) {
		if (message.contactId() == null) {
			return reject("sender-unknown", "The address " + message.senderEmail()
					+ " is not a registered contact. Ask the facility to register and approve you first.");
		}
		Contact contact = registry.contact(message.contactId());
		if (!contact.verified()) {
			return reject("sender-unverified",
					"Your email address is not verified yet. Verify it before you send messages.");
		}
		if (message.prisonerId() == null) {
			return reject("unaddressable",
					"We could not tell which prisoner the message is for. Put the registry number in the subject, or write to post+<registry number>.");
		}
		Prisoner prisoner = registry.prisoner(message.prisonerId());
		if (!registry.isApproved(contact.id(), prisoner.id())) {
			return reject("sender-not-approved", "You are not an approved contact of prisoner " + prisoner.number() + ".");
		}
		if (!prisoner.isActive()) {
			return reject("prisoner-not-present",
					"Prisoner " + prisoner.number() + " no longer stays at this facility, so the message cannot be delivered.");
		}
		if (message.body().isBlank() && message.photoCount() == 0) {
			return reject("empty", "The message has no text and no photo.");
		}
		if (message.body().length() > limits.maxTextLength()) {
			return reject("too-long", "The message has " + message.body().length() + " characters; the limit is "
					+ limits.maxTextLength() + ". Send a shorter message.");
		}
		return List.of();
	}

	private static List<Finding> reject(String ruleId, String explanation) {
		return List.of(Finding.whole(ruleId, Finding.Severity.REJECT, explanation));
	}

}
