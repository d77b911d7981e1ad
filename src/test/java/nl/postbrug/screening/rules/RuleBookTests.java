package nl.postbrug.screening.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.postbrug.screening.ScreeningSettings;

import nl.postbrug.screening.Finding;
import nl.postbrug.screening.Finding.Severity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleBookTests {

	@TempDir
	Path dir;

	@Test
	void theSampleRulesLoad() {
		RuleBook book = new RuleBook(new ScreeningSettings(Path.of("samples", "rules"), false));
		assertThat(book.loaded().facilities()).contains("PIA", "PIV", "PIZ");
		assertThat(book.forFacility("PIA").readableLanguages()).contains("ar", "tr");
		assertThat(book.forFacility("piz").reviewEverything()).isTrue();
		assertThat(book.forFacility("UNKNOWN").readableLanguages()).containsExactlyInAnyOrder("nl", "en");
	}

	@Test
	void aFacilityFileAddsWordsAndReplacesSettings() throws IOException {
		Files.writeString(dir.resolve("default.rules"), "[words]\nreview = wapen\n[limits]\nper-sender-per-day = 10\n");
		Files.writeString(dir.resolve("PIA.rules"), "[words]\nreview = mes\n[limits]\nper-sender-per-day = 3\n");
		RuleBook book = new RuleBook(new ScreeningSettings(dir, false));
		RuleSet pia = book.forFacility("PIA");
		assertThat(ContentChecks.check(pia, "een wapen en een mes", null).findings()).hasSize(2);
		assertThat(ContentChecks.check(book.forFacility("PIV"), "een wapen en een mes", null).findings()).hasSize(1);
		assertThat(pia.limits().perSenderPerDay()).isEqualTo(3);
	}

	@Test
	void aMalformedFileIsRefusedWithFileLineAndReasonAndTheOldRulesStay() throws IOException {
		Files.writeString(dir.resolve("default.rules"), "[words]\nreview = wapen\n");
		RuleBook book = new RuleBook(new ScreeningSettings(dir, false));
		String before = book.loaded().version();
		Files.writeString(dir.resolve("PIV.rules"),
				"# vught\n[patterns]\nphone-number = review\nfax-number = review\n");
		assertThatThrownBy(book::reload).isInstanceOf(MalformedRules.class)
			.hasMessageContaining("PIV.rules:4")
			.hasMessageContaining("unknown pattern 'fax-number'");
		assertThat(book.loaded().version()).isEqualTo(before);
		assertThat(ContentChecks.check(book.forFacility("PIV"), "een wapen", null).findings()).hasSize(1);
	}

	@Test
	void syntaxErrorsNameTheirLine() {
		assertThatThrownBy(() -> RuleFile.parse("x.rules", "[words]\nreview wapen\n"))
			.hasMessage("x.rules:2: expected 'key = value' or a [section] header, found 'review wapen'");
		assertThatThrownBy(() -> RuleFile.parse("x.rules", "review = wapen\n")).hasMessageContaining("x.rules:1")
			.hasMessageContaining("before any [section]");
		assertThatThrownBy(() -> RuleFile.parse("x.rules", "\n\n[wordz]\n"))
			.hasMessageContaining("x.rules:3: unknown section [wordz]");
		assertThatThrownBy(() -> RuleSet.compile(RuleFile.parse("x.rules", "[words]\nmaybe = wapen\n")))
			.hasMessageContaining("x.rules:2")
			.hasMessageContaining("'maybe' is not a severity");
		assertThatThrownBy(() -> RuleSet.compile(RuleFile.parse("x.rules", "[code-like]\ndigit-run = twelve\n")))
			.hasMessageContaining("x.rules:2")
			.hasMessageContaining("whole number");
		assertThatThrownBy(() -> RuleSet.compile(RuleFile.parse("x.rules", "[language]\nreadable = nl, klingon\n")))
			.hasMessageContaining("'klingon'");
		assertThatThrownBy(() -> RuleSet.compile(RuleFile.parse("x.rules", "[words]\nreview = \"open\n")))
			.hasMessageContaining("not closed");
		assertThatThrownBy(() -> RuleSet.compile(RuleFile.parse("x.rules", "[authentication]\nfailed = note\n")))
			.hasMessageContaining("review' or 'reject");
		assertThatThrownBy(() -> RuleSet.compile(RuleFile.parse("x.rules", "[signals]\nsmuggling = review\n")))
			.hasMessageContaining("x.rules:2")
			.hasMessageContaining("unknown signal 'smuggling'")
			.hasMessageContaining("contraband");
		assertThatThrownBy(() -> RuleSet.compile(RuleFile.parse("x.rules", "[model]\nreview-above = 1.5\n")))
			.hasMessageContaining("x.rules:2")
			.hasMessageContaining("between 0 and 1");
	}

	@Test
	void signalsHaveASeverityPerKindAndAFacilityCanSwitchOneOff() {
		RuleFile base = RuleFile.parse("default.rules",
				"[signals]\npass-on = review\nmoney = note\n[model]\nreview-above = 0.4\n");
		RuleSet merged = RuleSet.compile(RuleFile.merge(base,
				RuleFile.parse("PIX.rules", "[signals]\nmoney = off\n[model]\nreview-above = off\n")));
		RuleSet plain = RuleSet.compile(base);
		assertThat(plain.signals.values()).containsExactly(Severity.REVIEW, Severity.NOTE);
		assertThat(plain.modelReviewAbove()).hasValue(0.4);
		assertThat(merged.signals.keySet()).extracting(Signal::kind).containsExactly("pass-on");
		assertThat(merged.modelReviewAbove()).isEmpty();
		var findings = ContentChecks.check(plain, "Hoi! Zeg tegen Bram dat hij de sleutels morgen moet ophalen.", null)
			.findings();
		assertThat(findings).extracting(Finding::ruleId).containsExactly("signal-pass-on");
		assertThat(findings.get(0).start()).isEqualTo(5);
	}

	@Test
	void aMissingDefaultFileIsNamed() {
		assertThatThrownBy(() -> new RuleBook(new ScreeningSettings(dir, false))).isInstanceOf(MalformedRules.class)
			.hasMessageContaining("default.rules")
			.hasMessageContaining("missing");
	}

	@Test
	void aHashInsideQuotesIsNotAComment() {
		RuleSet set = RuleSet.compile(RuleFile.parse("x.rules", "[words]\nreview = \"kamer #12\" # the room\n"));
		assertThat(set.wordCount()).isEqualTo(1);
		assertThat(ContentChecks.check(set, "in kamer #12 ligt het", null).findings()).hasSize(1);
	}

}
