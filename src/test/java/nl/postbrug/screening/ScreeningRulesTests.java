package nl.postbrug.screening;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.MailNotes;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.SampleRegistry;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.Reason;
import nl.postbrug.support.Bundles;
import nl.postbrug.screening.rules.RuleBook;
import nl.postbrug.support.TestDatabase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ScreeningRulesTests {

	private Registry registry;

	private ScreeningRules rules;

	private Messages messages;

	private Contact anna;

	private Prisoner jan;

	@BeforeEach
	void sampleRegistry() {
		registry = SampleRegistry.load(TestDatabase.migrated());
		messages = mock(Messages.class);
		rules = new ScreeningRules(registry,
				new IntakeSettings(Path.of("drop"), Duration.ofSeconds(10), 200, 5, 1000, 1000, 1000),
				new RuleBook(new ScreeningSettings(Path.of("samples", "rules"), false)), messages,
				Bundles.reasonTexts(), Clock.systemUTC());
		anna = registry.contact("anna@example.org").orElseThrow();
		jan = registry.prisoner("1000000001").orElseThrow();
	}

	@Test
	void anOrdinaryLetterHasNoFindings() {
		assertThat(findings(message(anna.id(), jan, "Lieve Jan, de tuin staat in bloei. Om 3 uur komt oma.")))
			.isEmpty();
	}

	@Test
	void linksAndBankAccountsGoToReviewAndPhoneNumbersAreNotedWithTheirExactSpan() {
		String text = "Bel 06-12345678 of kijk op https://example.com/x en stort op NL91 ABNA 0417 1643 00.";
		List<Finding> findings = findings(message(anna.id(), jan, text));
		assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("phone-number", "url", "iban");
		assertThat(findings).filteredOn(f -> !f.ruleId().equals("phone-number"))
			.allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Finding.Severity.REVIEW));
		// the sample rules note phone numbers: relatives send the numbers he may call
		assertThat(findings).filteredOn(f -> f.ruleId().equals("phone-number"))
			.singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.NOTE))
			.satisfies(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo("06-12345678"));
		assertThat(findings).filteredOn(f -> f.ruleId().equals("iban"))
			.singleElement()
			.satisfies(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo("NL91 ABNA 0417 1643 00"));
	}

	@Test
	void anUnknownSenderIsRejected() {
		assertThat(findings(message(null, jan, "Hallo"))).singleElement()
			.satisfies(f -> assertThat(f.ruleId()).isEqualTo("sender-unknown"));
	}

	@Test
	void aSenderWhoIsNotApprovedForThePrisonerIsRejected() {
		Prisoner other = registry.prisoner("1000000003").orElseThrow();
		assertThat(findings(message(anna.id(), other, "Hallo"))).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("sender-not-approved");
			assertThat(f.severity()).isEqualTo(Finding.Severity.REJECT);
		});
	}

	@Test
	void aMessageForNobodyIsRejectedAsUnaddressable() {
		assertThat(findings(message(anna.id(), null, "Hallo"))).extracting(Finding::ruleId)
			.containsExactly("unaddressable");
	}

	@Test
	void aPrisonerWhoLeftGetsNoLetter() {
		Contact linda = registry.contact("linda.kramer@example.com").orElseThrow();
		Prisoner released = registry.prisoner("1000000043").orElseThrow();
		assertThat(released.isActive()).isFalse();
		assertThat(findings(message(linda.id(), released, "Hallo"))).extracting(Finding::ruleId)
			.containsExactly("prisoner-not-present");
	}

	@Test
	void tooLongOrEmptyMessagesAreRejected() {
		assertThat(findings(message(anna.id(), jan, "x".repeat(201)))).extracting(Finding::ruleId)
			.containsExactly("too-long");
		assertThat(findings(message(anna.id(), jan, ""))).extracting(Finding::ruleId).containsExactly("empty");
	}

	@Test
	void theDailyLimitPerSenderSendsTheNextMessageToReview() {
		when(messages.receivedFromSince(anyString(), any())).thenReturn(11L);
		when(messages.receivedForPrisonerSince(anyLong(), any())).thenReturn(11L);
		assertThat(findings(message(anna.id(), jan, "Hallo Jan"))).extracting(Finding::ruleId)
			.containsExactly("rate-limit-sender");
		when(messages.receivedForPrisonerSince(anyLong(), any())).thenReturn(31L);
		assertThat(findings(message(anna.id(), jan, "Hallo Jan"))).extracting(Finding::ruleId)
			.containsExactly("rate-limit-sender", "rate-limit-prisoner");
	}

	@Test
	void aNameThePrisonerMayNotBeToldAboutIsFoundInTheFacilitysFile() {
		String text = "Groeten van Piet Kramer en de rest.";
		assertThat(findings(message(anna.id(), jan, text))).singleElement().satisfies(finding -> {
			assertThat(finding.ruleId()).isEqualTo("no-contact");
			assertThat(text.substring(finding.start(), finding.end())).isEqualTo("Piet Kramer");
		});
		Prisoner mark = registry.prisoner("1000000002").orElseThrow();
		assertThat(findings(message(anna.id(), mark, text))).isEmpty();
	}

	@Test
	void rejectionsTellTheSenderWhyWithoutRuleInternals() {
		assertThat(rules.check(message(anna.id(), jan, "Als je praat, ik maak je dood.")).rejection())
			.contains(ScreeningReason.CONTENT.with());
		Prisoner mehmet = registry.prisoner("1000000004").orElseThrow();
		assertThat(rules.check(message(anna.id(), mehmet, "Hallo")).rejection())
			.contains(ScreeningReason.NOT_APPROVED.with("1000000004"));
		assertThat(rules.check(message(null, jan, "Hallo")).rejection())
			.contains(ScreeningReason.NOT_A_CONTACT.with("x@example.org"));
		assertThat(rules.check(message(anna.id(), jan, "Lieve Jan")).rejection()).isEmpty();
	}

	@Test
	void policyRejectionsCarryTheirValuesForTheSender() {
		assertThat(rules.check(message(anna.id(), jan, "")).rejection()).contains(ScreeningReason.EMPTY.with());
		assertThat(rules.check(message(anna.id(), jan, "x".repeat(201))).rejection())
			.contains(ScreeningReason.TOO_LONG.with(201, 200));
		assertThat(rules.check(message(anna.id(), null, "Hallo")).rejection())
			.contains(ScreeningReason.UNADDRESSABLE.with());
	}

	private List<Finding> findings(MessageView message) {
		return rules.check(message).findings();
	}

	@Test
	void failedSenderAuthenticationIsNeverApprovedAutomatically() {
		MailNotes forged = new MailNotes(null, null, List.of("spf=fail", "dmarc=fail"), false, List.of());
		List<Finding> findings = rules.check(message(anna.id(), jan, "Lieve Jan, groetjes."), forged).findings();
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("sender-authentication");
			assertThat(f.severity()).isEqualTo(Finding.Severity.REVIEW);
			assertThat(f.explanation()).contains("spf=fail, dmarc=fail");
		});
		// Policy still comes first: a forged mail from a stranger is rejected, not
		// reviewed.
		assertThat(rules.check(message(null, jan, "Hallo"), forged).findings()).extracting(Finding::ruleId)
			.containsExactly("sender-unknown");
	}

	@Test
	void mailRefusedByIntakeOrSentAutomaticallyIsRejectedWithItsReason() {
		Reason tooManyParts = IntakeReason.MAIL_TOO_MANY_PARTS.with(100);
		ScreeningRules.Outcome refused = rules.check(message(anna.id(), jan, ""),
				new MailNotes(tooManyParts, null, List.of(), false, List.of()));
		assertThat(refused.findings()).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("intake-refused");
			assertThat(f.severity()).isEqualTo(Finding.Severity.REJECT);
			assertThat(f.explanation()).isEqualTo("The mail has more than 100 parts.");
		});
		assertThat(refused.rejection()).contains(tooManyParts);
		Reason automatic = IntakeReason.AUTOMATIC.with("auto-replied");
		ScreeningRules.Outcome recorded = rules.check(message(anna.id(), jan, "Ik ben op vakantie"),
				new MailNotes(null, automatic, List.of(), false, List.of()));
		assertThat(recorded.findings()).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("automatic-mail");
			assertThat(f.explanation()).contains("Recorded but not delivered").contains("Auto-Submitted");
		});
		assertThat(recorded.rejection()).contains(automatic);
	}

	private MessageView message(Long contactId, Prisoner prisoner, String body) {
		return new MessageView(UUID.randomUUID(), Channel.WEB, "x@example.org", "X", contactId,
				prisoner == null ? null : prisoner.id(), prisoner == null ? null : prisoner.facilityId(), null, body,
				MessageStatus.SCREENING, null, Instant.now(), 0);
	}

}
