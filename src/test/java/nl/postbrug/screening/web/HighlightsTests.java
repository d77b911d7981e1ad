package nl.postbrug.screening.web;

import java.util.List;

import nl.postbrug.screening.Finding;
import nl.postbrug.screening.Finding.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTests {

	@Test
	void marksExactlyTheFindingsSpans() {
		String text = "call 0612345678 or see www.example.org now";
		List<Highlights.Segment> segments = Highlights.of(text,
				List.of(new Finding("phone-number", Severity.REVIEW, "A phone number", 5, 15),
						new Finding("url", Severity.REVIEW, "A web address", 23, 38)));
		assertThat(segments).containsExactly(new Highlights.Segment("call ", false, null),
				new Highlights.Segment("0612345678", true, "phone-number"),
				new Highlights.Segment(" or see ", false, null), new Highlights.Segment("www.example.org", true, "url"),
				new Highlights.Segment(" now", false, null));
	}

	@Test
	void mergesOverlappingSpansAndNamesEveryRule() {
		List<Highlights.Segment> segments = Highlights.of("abcdefghij",
				List.of(new Finding("b", Severity.REVIEW, "", 4, 8), new Finding("a", Severity.REVIEW, "", 2, 6)));
		assertThat(segments).containsExactly(new Highlights.Segment("ab", false, null),
				new Highlights.Segment("cdefgh", true, "a, b"), new Highlights.Segment("ij", false, null));
	}

	@Test
	void ignoresWholeMessageFindingsAndClampsSpansPastTheEnd() {
		List<Highlights.Segment> segments = Highlights.of("short", List
			.of(new Finding("auth", Severity.REVIEW, "", null, null), new Finding("x", Severity.REVIEW, "", 3, 99)));
		assertThat(segments).containsExactly(new Highlights.Segment("sho", false, null),
				new Highlights.Segment("rt", true, "x"));
	}

	@Test
	void keepsMarkupAsPlainTextInTheSegments() {
		String text = "<script>alert(1)</script>";
		assertThat(Highlights.of(text, List.of())).containsExactly(new Highlights.Segment(text, false, null));
	}

}
