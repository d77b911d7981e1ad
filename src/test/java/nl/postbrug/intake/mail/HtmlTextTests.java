package nl.postbrug.intake.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTests {

	@Test
	void blocksEndInLineBreaksAndInlineMarkupLeavesOnlyItsText() {
		assertThat(HtmlText.of("<p>Lieve <b>Jan</b>,</p><div>hoe gaat het?<br>Hier alles goed.</div><ul><li>een</li>"
				+ "<li>twee</li></ul>"))
			.isEqualTo("Lieve Jan,\nhoe gaat het?\nHier alles goed.\neen\ntwee");
	}

	@Test
	void scriptsStylesAndEmbeddedObjectsGoWithTheirContent() {
		assertThat(HtmlText.of("<html><head><title>t</title><style>p{color:red}</style></head><body>"
				+ "<script>alert('x')</script><p>tekst</p><iframe src=\"https://evil.example\">iframe</iframe>"
				+ "<svg><text>vector</text></svg><object>object</object><noscript>noscript</noscript></body></html>"))
			.isEqualTo("tekst");
	}

	@Test
	void linksAndImagesLeaveNoAddress() {
		String text = HtmlText.of("<p>Kijk <a href=\"https://tracker.example/x\">hier</a> "
				+ "<img src=\"https://tracker.example/pixel.gif\" alt=\"\"></p>");
		assertThat(text).isEqualTo("Kijk hier").doesNotContain("tracker.example");
	}

	@Test
	void preformattedTextKeepsItsSpacingAndBlankLinesCollapse() {
		assertThat(HtmlText.of("<pre>a   b\n  c</pre>")).isEqualTo("a   b\n  c");
		assertThat(HtmlText.of("<p>een</p><p></p><p></p><p></p><p>twee&nbsp;</p><div>drie</div>"))
			.isEqualTo("een\n\ntwee\ndrie");
	}

}
