package nl.postbrug.operations.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.postbrug.operations.OperationsFigures.DayCount;

/**
 * A bar chart of daily counts with a line over it, laid out here and drawn by the page as
 * SVG elements: numbers and dates only, every text escaped by the template, no script and
 * nothing loaded from elsewhere.
 */
record Chart(int width, int height, int top, int bottom, long max, List<Bar> bars, String line, List<Point> points,
		LocalDate first, LocalDate last, long barTotal, long lineTotal) {

	static final int WIDTH = 620;

	static final int HEIGHT = 180;

	static final int LEFT = 40;

	static final int TOP = 10;

	static final int BOTTOM = 150;

	/** One day's bar: its place, and the day and count for its tooltip. */
	record Bar(int x, int y, int width, int height, LocalDate day, long count) {
	}

	/** One day's point on the line. */
	record Point(int x, int y, LocalDate day, long count) {
	}

	static Chart of(List<DayCount> bars, List<DayCount> line) {
		long max = 1;
		for (DayCount day : bars) {
			max = Math.max(max, day.count());
		}
		for (DayCount day : line) {
			max = Math.max(max, day.count());
		}
		int days = Math.max(1, bars.size());
		double slot = (WIDTH - LEFT - 10) / (double) days;
		int barWidth = Math.max(1, (int) Math.floor(slot * 0.7));
		List<Bar> drawn = new ArrayList<>();
		long barTotal = 0;
		for (int i = 0; i < bars.size(); i++) {
			DayCount day = bars.get(i);
			int height = (int) Math.round((BOTTOM - TOP) * day.count() / (double) max);
			int x = LEFT + (int) Math.round(i * slot + (slot - barWidth) / 2);
			drawn.add(new Bar(x, BOTTOM - height, barWidth, height, day.day(), day.count()));
			barTotal += day.count();
		}
		List<Point> points = new ArrayList<>();
		StringBuilder polyline = new StringBuilder();
		long lineTotal = 0;
		for (int i = 0; i < line.size(); i++) {
			DayCount day = line.get(i);
			int x = LEFT + (int) Math.round(i * slot + slot / 2);
			int y = BOTTOM - (int) Math.round((BOTTOM - TOP) * day.count() / (double) max);
			points.add(new Point(x, y, day.day(), day.count()));
			polyline.append(i == 0 ? "" : " ").append(x).append(',').append(y);
			lineTotal += day.count();
		}
		LocalDate first = bars.isEmpty() ? null : bars.get(0).day();
		LocalDate last = bars.isEmpty() ? null : bars.get(bars.size() - 1).day();
		return new Chart(WIDTH, HEIGHT, TOP, BOTTOM, max, drawn, polyline.toString(), points, first, last, barTotal,
				lineTotal);
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return WIDTH - 10;
	}

}
