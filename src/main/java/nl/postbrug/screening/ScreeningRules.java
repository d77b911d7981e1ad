package nl.postbrug.screening;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.MailNotes;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.ReasonTexts;
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

	/**
	 * What the check found. {@code policyReason} is the sender's reason when policy (or
	 * intake) refuses the message outright; {@link #rejection()} gives the reason for any
	 * rejection.
	 */
	record Outcome(List<Finding> findings, String language, String rulesVersion, boolean reviewEverything,
			Reason policyReason, java.util.OptionalDouble modelReviewAbove) {

		Outcome(List<Finding> findings, String language, String rulesVersion, boolean reviewEverything) {
			this(findings, language, rulesVersion, reviewEverything, null, java.util.OptionalDouble.empty());
		}

		/** Why the message is rejected, as its sender is told; empty when it is not. */
		Optional<Reason> rejection() {
			if (policyReason != null) {
				return Optional.of(policyReason);
			}
			return findings.stream()
				.filter(finding -> finding.severity() == Finding.Severity.REJECT)
				.findFirst()
				.map(ScreeningRules::senderReason);
		}

	}

	/** A policy breach: the rule it is recorded under and the reason the sender reads. */
	private record Breach(String ruleId, Reason reason) {
	}

	private final Registry registry;

	private final IntakeSettings limits;

	private final RuleBook rules;

	private final Messages messages;

	private final ReasonTexts texts;

	private final Clock clock;

	ScreeningRules(Registry registry, IntakeSettings limits, RuleBook rules, Messages messages, ReasonTexts texts,
			Clock clock) {
		this.registry = registry;
		this.limits = limits;
		this.rules = rules;
		this.messages = messages;
		this.texts = texts;
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
			return refused("intake-refused", notes.refusal(), version);
		}
		if (notes.noReply() != null) {
			return refused("automatic-mail", notes.noReply(), version);
		}
		Optional<Breach> breach = policy(message);
		if (breach.isPresent()) {
			return refused(breach.get().ruleId(), breach.get().reason(), version);
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
		if (notes.authenticationFailed()) {
			findings.add(Finding.whole("sender-authentication", set.failedAuthentication(),
					"The receiving mail server could not confirm the sender (" + String.join(", ", notes.authFailures())
							+ "); the mail may be forged"));
		}
		return new Outcome(findings, content.language(), version, set.reviewEverything(), null, set.modelReviewAbove());
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

	/**
	 * Who may write to whom, and the plain limits: the reason the sender is given when
	 * the message breaks them.
	 */
	private Optional<Breach> policy(MessageView message) {
		if (message.contactId() == null) {
			return breach("sender-unknown", ScreeningReason.NOT_A_CONTACT.with(message.senderEmail()));
		}
		Contact contact = registry.contact(message.contactId());
		if (!contact.verified()) {
			return breach("sender-unverified", ScreeningReason.UNVERIFIED.with());
		}
		if (message.prisonerId() == null) {
			return breach("unaddressable", ScreeningReason.UNADDRESSABLE.with());
		}
		Prisoner prisoner = registry.prisoner(message.prisonerId());
		if (!registry.isApproved(contact.id(), prisoner.id())) {
			return breach("sender-not-approved", ScreeningReason.NOT_APPROVED.with(prisoner.number()));
		}
		if (!prisoner.isActive()) {
			return breach("prisoner-not-present", ScreeningReason.PRISONER_GONE.with(prisoner.number()));
		}
		if (message.body().isBlank() && message.photoCount() == 0) {
			return breach("empty", ScreeningReason.EMPTY.with());
		}
		if (message.body().length() > limits.maxTextLength()) {
			return breach("too-long", ScreeningReason.TOO_LONG.with(message.body().length(), limits.maxTextLength()));
		}
		return Optional.empty();
	}

	private static Optional<Breach> breach(String ruleId, Reason reason) {
		return Optional.of(new Breach(ruleId, reason));
	}

	/**
	 * The reason a sender reads for a rejection by a content rule or a rate limit: in
	 * general terms, never the rule or the word.
	 */
	static Reason senderReason(Finding finding) {
		return switch (finding.ruleId()) {
			case "rate-limit-sender", "rate-limit-prisoner" -> ScreeningReason.RATE_LIMIT.with();
			default -> ScreeningReason.CONTENT.with();
		};
	}

	/**
	 * A message refused outright: one finding (its explanation in English, for staff) and
	 * the reason for the sender.
	 */
	private Outcome refused(String ruleId, Reason reason, String version) {
		Finding finding = Finding.whole(ruleId, Finding.Severity.REJECT, texts.text(reason, ReasonTexts.ENGLISH));
		return new Outcome(List.of(finding), "und", version, false, reason, java.util.OptionalDouble.empty());
	}

}
