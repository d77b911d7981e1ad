package nl.postbrug.intake.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A relative's own messages, newest first, each with its status, the reason if there is
 * one, and its history.
 */
@Controller
class MessagesPage {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private static final int LIMIT = 100;

	record Change(ZonedDateTime at, MessageStatus status, String detail) {
	}

	record Row(MessageView message, String prisoner, ZonedDateTime receivedAt, List<Change> history) {
	}

	private final Messages messages;

	private final Registry registry;

	MessagesPage(Messages messages, Registry registry) {
		this.messages = messages;
		this.registry = registry;
	}

	@GetMapping("/messages")
	@PreAuthorize("hasRole('SENDER')")
	String list(@AuthenticationPrincipal PostbrugUser sender, Model model) {
		List<Row> rows = messages.sentBy(sender.contactId(), LIMIT).stream().map(this::row).toList();
		model.addAttribute("rows", rows);
		return "intake/messages";
	}

	private Row row(MessageView message) {
		String prisoner = "unknown recipient";
		if (message.prisonerId() != null) {
			Prisoner p = registry.prisoner(message.prisonerId());
			prisoner = p.name() + " (" + p.number() + ")";
		}
		List<Change> history = messages.history(message.id())
			.stream()
			.map(change -> new Change(change.at().atZone(ZONE), change.status(), change.detail()))
			.toList();
		return new Row(message, prisoner, message.receivedAt().atZone(ZONE), history);
	}

}
