package nl.postbrug.operations.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import nl.postbrug.operations.OperationsFigures;
import nl.postbrug.operations.OperationsSettings;
import nl.postbrug.delivery.DeliverySettings;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /operations}: per facility of the user, whether today's post goes out — the
 * funnel since midnight, the review backlog, failed prints, overdue letters, the next
 * batch slot and what waits for it — and the last days as charts. For facility
 * administrators and postroom staff, read only.
 */
@Controller
class OperationsPage {

	/** One facility's panel, with its times in the facility's own zone. */
	record Panel(OperationsFigures.FacilityDay day, Long oldestWaitMinutes, ZonedDateTime nextSlot, Chart chart,
			long overdueDays) {

		public Facility facility() {
			return day.facility();
		}

	}

	private final OperationsFigures figures;

	private final Registry registry;

	private final OperationsSettings settings;

	private final Clock clock;

	private final DeliverySettings delivery;

	OperationsPage(OperationsFigures figures, Registry registry, OperationsSettings settings, DeliverySettings delivery,
			Clock clock) {
		this.delivery = delivery;
		this.figures = figures;
		this.registry = registry;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/operations")
	@PreAuthorize("hasAnyRole('FACILITY_ADMIN', 'POSTROOM')")
	String operations(@AuthenticationPrincipal PostbrugUser user, Model model) {
		Instant now = clock.instant();
		List<Panel> panels = registry.facilities()
			.stream()
			.filter(facility -> user.canAct(facility.id()))
			.map(figures::day)
			.map(day -> new Panel(day, day.review().oldestWait(now).map(Duration::toMinutes).orElse(null),
					day.nextSlot().at().map(at -> at.atZone(day.facility().zone())).orElse(null),
					Chart.of(day.received(), day.delivered()), delivery.overdueAfter(day.facility().code()).toDays()))
			.toList();
		model.addAttribute("panels", panels);
		model.addAttribute("now", now.atZone(panels.isEmpty() ? clock.getZone() : panels.get(0).facility().zone()));
		model.addAttribute("chartDays", settings.chartDays());
		return "operations/operations";
	}

}
