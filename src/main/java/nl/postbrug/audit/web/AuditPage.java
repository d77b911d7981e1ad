package nl.postbrug.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import nl.postbrug.audit.AuditEvents;
import nl.postbrug.audit.AuditSettings;
import nl.postbrug.audit.AuditVerification;
import nl.postbrug.audit.EventQuery;
import nl.postbrug.audit.Verification;
import nl.postbrug.audit.chain.ChainEvent;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's view: the result of a walk over the whole chain and every anchor (on
 * every visit), and the events, newest first, filtered by date, actor, object and action,
 * with links to export the same selection.
 */
@Controller
class AuditPage {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/** An event as the table shows it, its time in UTC. */
	record Row(ChainEvent event, String at) {
	}

	private final AuditVerification verification;

	private final AuditEvents events;

	private final AuditSettings settings;

	private final MessageSource messages;

	private final Clock clock;

	AuditPage(AuditVerification verification, AuditEvents events, AuditSettings settings, MessageSource messages,
			Clock clock) {
		this.verification = verification;
		this.events = events;
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/audit")
	@PreAuthorize("hasRole('AUDITOR')")
	String audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String object,
			@RequestParam(required = false) String action, @RequestParam(required = false) String page, Model model,
			Locale locale, HttpServletResponse response) {
		EventFilters filters = new EventFilters(from, to, actor, object, action).normalised();
		Verification verified = verification.verify();
		model.addAttribute("verification", verified);
		model.addAttribute("newestAnchorAt",
				verified.anchors().newestAt() == null ? null : TIME.format(verified.anchors().newestAt()));
		model.addAttribute("filters", filters);
		try {
			EventQuery query = filters.query(clock, settings.maxRange());
			int number = pageNumber(page);
			LocalDate[] days = filters.days(query);
			model.addAttribute("fromDay", days[0]);
			model.addAttribute("toDay", days[1]);
			AuditEvents.Page found = events.page(query, number, PAGE_SIZE);
			model.addAttribute("page", found);
			model.addAttribute("rows", found.events().stream().map(e -> new Row(e, TIME.format(e.at()))).toList());
			model.addAttribute("csvHref", link(filters, null).queryParam("format", "csv").toUriString());
			model.addAttribute("jsonHref", link(filters, null).toUriString());
			model.addAttribute("newerHref", link(filters, number - 1).toUriString());
			model.addAttribute("olderHref", link(filters, number + 1).toUriString());
		}
		catch (BadFilter ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", messages.getMessage(ex.code(), ex.args(), locale));
		}
		return "audit/audit";
	}

	private static int pageNumber(String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			int number = Integer.parseInt(page.strip());
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new BadFilter("audit.filter.bad-page", "page", page);
	}

	/** The export (page {@code null}) or the page of the same selection. */
	private static UriComponentsBuilder link(EventFilters filters, Integer page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(page == null ? "/api/v1/audit/events" : "/audit");
		add(link, "from", filters.from());
		add(link, "to", filters.to());
		add(link, "actor", filters.actor());
		add(link, "object", filters.object());
		add(link, "action", filters.action());
		if (page != null) {
			link.queryParam("page", page);
		}
		return link;
	}

	private static void add(UriComponentsBuilder link, String name, String value) {
		if (value != null) {
			link.queryParam(name, "{" + name + "}");
			link.uriVariables(Map.of(name, value));
		}
	}

}
