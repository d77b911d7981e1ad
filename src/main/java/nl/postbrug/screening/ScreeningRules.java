package nl.postbrug.screening;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.MailNotes;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;
import nl.postbrug.screening.rules.ContentChecks;
import nl.postbrug.screening.rules.PhotoBarcodes;
import nl.postbrug.screening.rules.RuleBook;
import nl.postbrug.screening.rules.RuleSet;

import org.springframework.stereotype.Component;

/**
 * Everything a message is checked against: first who may write to whom (policy, rejected
 * outright, with an explanation written for the sender), then the facility's configured
 * rules on the text and photos, and the rate limits.
 */
@Component
class ScreeningRules {

	record Outcome(List<Finding> findings, String language, String rulesVersion, boolean reviewEverything) {
	}

	private final Registry registry;

	private final IntakeSettings limits;

	private final RuleBook rules;

	private final Messages messages;

	private final Clock clock;

	ScreeningRules(Registry registry, IntakeSettings limits, RuleBook rules, Messages messages, Clock clock) {
		this.registry = registry;
		this.limits = limits;
		this.rules = rules;
		this.messages = messages;
		this.clock = clock;
	}

	Outcome check(MessageView message) {
		return check(message, MailNotes.NONE);
	}

	/**
	 * Checks a message together with what intake noted about its mail: a refusal by
	 * intake or an automatic mail (bounce, auto-reply, the system's own) is rejected with
	 * its reason; failed sender authentication (SPF/DKIM/DMARC) always sends the message
	 * to a human, never straight to approval.
	 */
	Outcome check(MessageView message, MailNotes notes) {
		String version = rules.loaded().version();
		if (notes.refusal() != null) {
			return new Outcome(reject("intake-refused", notes.refusal()), "und", version, false);
		}
		if (notes.noReply() != null) {
			return new Outcome(reject("automatic-mail", "Recorded but not delivered: this is " + notes.noReply() + "."),
					"und", version, false);
		}
		List<Finding> policy = policy(message);
		if (!policy.isEmpty()) {
			return new Outcome(policy, "und", version, false);
		}
		Prisoner prisoner = registry.prisoner(message.prisonerId());
		Facility facility = registry.facility(prisoner.facilityId());
		RuleSet set = rules.forFacility(facility.code());
		ContentChecks.Result content = ContentChecks.check(set, message.body(), prisoner.number());
		List<Finding> findings = new ArrayList<>(content.findings());
		if (message.photoCount() > 0) {
			findings.addAll(PhotoBarcodes.check(set,
					messages.photos(message.id()).stream().map(MessageView.Photo::data).toList()));
		}
		findings.addAll(rateLimits(set, message, prisoner, facility));
		if (notes.authFailure() != null) {
			findings.add(Finding.whole("sender-authentication", set.failedAuthentication(),
					"The receiving mail server could not confirm the sender (" + notes.authFailure()
							+ "); the mail may be forged"));
		}
		return new Outcome(findings, content.language(), version, set.reviewEverything());
	}

	private List<Finding> rateLimits(RuleSet set, MessageView message, Prisoner prisoner, Facility facility) {
		var limit = set.limits();
		if (limit == null) {
			return List.of();
		}
		Instant dayStart = LocalDate.ofInstant(clock.instant(), facility.zone())
			.atStartOfDay(facility.zone())
			.toInstant();
		List<Finding> findings = new ArrayList<>();
		if (limit.perSenderPerDay() > 0) {
			long sent = messages.receivedFromSince(message.senderEmail(), dayStart);
			if (sent > limit.perSenderPerDay()) {
				findings.add(Finding.whole("rate-limit-sender", limit.severity(), "The sender's " + ordinal(sent)
						+ " message today; the facility allows " + limit.perSenderPerDay() + " a day"));
			}
		}
		if (limit.perPrisonerPerDay() > 0) {
			long received = messages.receivedForPrisonerSince(prisoner.id(), dayStart);
			if (received > limit.perPrisonerPerDay()) {
				findings
					.add(Finding.whole("rate-limit-prisoner", limit.severity(), "The prisoner's " + ordinal(received)
							+ " message today; the facility allows " + limit.perPrisonerPerDay() + " a day"));
			}
		}
		return findings;
	}

	private static String ordinal(long n) {
		return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch ((int) (n % 10)) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		});
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
			return reject("sender-not-approved",
					"You are not an approved contact of prisoner " + prisoner.number() + ".");
		}
		if (!prisoner.isActive()) {
			return reject("prisoner-not-present", "Prisoner " + prisoner.number()
					+ " no longer stays at this facility, so the message cannot be delivered.");
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

	/**
	 * The reason a sender reads for a rejection: policy reasons as written, content rules
	 * without their internals.
	 */
	static String senderReason(Finding finding) {
		return switch (finding.ruleId()) {
			case "sender-unknown", "sender-unverified", "unaddressable", "sender-not-approved", "prisoner-not-present",
					"empty", "too-long", "intake-refused", "automatic-mail" ->
				finding.explanation();
			case "rate-limit-sender", "rate-limit-prisoner" ->
				"More messages arrived today than the facility accepts in a day. Send it again tomorrow.";
			default ->
				"The message contains something the facility does not pass on in letters, such as links, account numbers, codes or certain names or words.";
		};
	}

	private static List<Finding> reject(String ruleId, String explanation) {
		return List.of(Finding.whole(ruleId, Finding.Severity.REJECT, explanation));
	}

}
