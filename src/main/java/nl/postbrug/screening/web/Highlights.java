package nl.postbrug.screening.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.postbrug.screening.Finding;

/**
 * Cuts a message text into plain and highlighted segments along the findings' spans. The
 * page prints each segment as escaped text, inside {@code <mark>} when highlighted, so
 * message content is never treated as markup. Overlapping spans merge into one highlight
 * naming all their rules.
 */
final class Highlights {

	record Segment(String text, boolean marked, String rules) {
	}

	private Highlights() {
	}

	static List<Segment> of(String text, List<Finding> findings) {
		String body = text == null ? "" : text;
		List<int[]> spans = new ArrayList<>();
		List<Set<String>> rules = new ArrayList<>();
		findings.stream()
			.filter(finding -> finding.start() != null && finding.end() != null)
			.sorted(Comparator.comparing(Finding::start))
			.forEach(finding -> {
				int start = Math.max(0, Math.min(finding.start(), body.length()));
				int end = Math.max(start, Math.min(finding.end(), body.length()));
				if (start == end) {
					return;
				}
				int last = spans.size() - 1;
				if (last >= 0 && start < spans.get(last)[1]) {
					spans.get(last)[1] = Math.max(spans.get(last)[1], end);
					rules.get(last).add(finding.ruleId());
				}
				else {
					spans.add(new int[] { start, end });
					rules.add(new LinkedHashSet<>(List.of(finding.ruleId())));
				}
			});
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		for (int i = 0; i < spans.size(); i++) {
			int[] span = spans.get(i);
			if (span[0] > at) {
				segments.add(new Segment(body.substring(at, span[0]), false, null));
			}
			segments.add(new Segment(body.substring(span[0], span[1]), true, String.join(", ", rules.get(i))));
			at = span[1];
		}
		if (at < body.length()) {
			segments.add(new Segment(body.substring(at), false, null));
		}
		return segments;
	}

}
