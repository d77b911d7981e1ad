package nl.postbrug.notify;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.postbrug.screening.RejectReason;

/**
 * The words of a notification, Dutch first, then English. Nothing from the incoming
 * mail's headers is used: the subject is fixed text and a reference, and the body quotes
 * only the reasons intake and screening wrote (control characters removed).
 */
record SenderMail(String subject, String body) {

	private static final String SIGNATURE = "\n-- \nPostbrug\n"
			+ "Dit is een automatisch bericht; antwoorden wordt niet gelezen.\n"
			+ "This is an automatic message; replies are not read.\n";

	/**
	 * @param notTaken parts of the mail intake did not take
	 * @param unprintable characters the letter cannot print, described safely (see
	 * {@link SenderNotifications#unprintable(String)})
	 */
	static SenderMail received(UUID id, List<String> notTaken, List<String> unprintable) {
		String reference = reference(id);
		StringBuilder body = new StringBuilder();
		body.append("Uw bericht (kenmerk ")
			.append(reference)
			.append(") is ontvangen en wordt nu gecontroleerd.\n")
			.append("U krijgt bericht als het niet kan worden bezorgd.\n");
		if (!notTaken.isEmpty()) {
			body.append("\nNiet meegenomen (alleen tekst en JPEG- of PNG-foto's kunnen mee):\n");
			notTaken.forEach(item -> body.append("- ").append(item).append('\n'));
		}
		if (!unprintable.isEmpty()) {
			body.append("\nDeze tekens kunnen niet worden afgedrukt; in de brief staat er \uFFFD voor in de plaats:\n");
			unprintable.forEach(item -> body.append("- ").append(item).append('\n'));
		}
		body.append("\n---\n\n")
			.append("Your message (reference ")
			.append(reference)
			.append(") was received and is being checked.\n")
			.append("You will be told if it cannot be delivered.\n");
		if (!notTaken.isEmpty()) {
			body.append("\nNot taken (only text and JPEG or PNG photos can be sent):\n");
			notTaken.forEach(item -> body.append("- ").append(item).append('\n'));
		}
		if (!unprintable.isEmpty()) {
			body.append("\nThese characters cannot be printed; the letter shows \uFFFD in their place:\n");
			unprintable.forEach(item -> body.append("- ").append(item).append('\n'));
		}
		body.append(SIGNATURE);
		return new SenderMail("Postbrug: bericht ontvangen / message received (" + reference + ")", body.toString());
	}

	static SenderMail rejected(UUID id, String reason) {
		String reference = reference(id);
		String english = reason == null || reason.isBlank() ? "No reason was recorded." : reason;
		String body = "Uw bericht (kenmerk " + reference + ") kan niet worden bezorgd.\n" + "Reden: "
				+ Dutch.of(english) + "\n\n---\n\n" + "Your message (reference " + reference
				+ ") cannot be delivered.\n" + "Reason: " + english + "\n" + SIGNATURE;
		return new SenderMail("Postbrug: bericht niet bezorgd / message not delivered (" + reference + ")", body);
	}

	private static String reference(UUID id) {
		return id.toString().substring(0, 8);
	}

	/**
	 * Dutch for the reasons intake and screening give; other reasons are said to be
	 * English only.
	 */
	static final class Dutch {

		private record Rule(Pattern english, String dutch) {
		}

		private static final List<Rule> RULES = List.of(rule("The address (\\S+) is not a registered contact.*",
				"Het adres $1 is geen geregistreerd contact. Vraag de inrichting u eerst te registreren en goed te keuren."),
				rule("Your email address is not verified yet.*",
						"Uw e-mailadres is nog niet bevestigd. Bevestig het voordat u berichten stuurt."),
				rule("We could not tell which prisoner.*",
						"We konden niet vaststellen voor welke gedetineerde het bericht is. Zet het registratienummer in het onderwerp, of schrijf naar post+<registratienummer>."),
				rule("You are not an approved contact of prisoner (\\S+?)\\.?",
						"U bent geen goedgekeurd contact van gedetineerde $1."),
				rule("Prisoner (\\S+) no longer stays at this facility.*",
						"Gedetineerde $1 verblijft niet meer in deze inrichting, dus het bericht kan niet worden bezorgd."),
				rule("The message has no text and no photo\\.?", "Het bericht bevat geen tekst en geen foto."),
				rule("The message has (\\d+) characters; the limit is (\\d+).*",
						"Het bericht heeft $1 tekens; de grens is $2. Stuur een korter bericht."),
				rule("The mail is (\\d+) KB; the limit is (\\d+) KB.*",
						"De e-mail is $1 KB; de grens is $2 KB. Stuur minder of kleinere foto's."),
				rule("The mail nests parts deeper than (\\d+) levels",
						"De e-mail bestaat uit delen die dieper dan $1 niveaus genest zijn."),
				rule("The mail has more than (\\d+) parts", "De e-mail bestaat uit meer dan $1 delen."),
				rule("The mail has more than (\\d+) header fields", "De e-mail heeft meer dan $1 kopregels."),
				rule("A line of the mail is longer than (\\d+) characters.*",
						"Een regel van de e-mail is langer dan $1 tekens."),
				rule("A header field of the mail is longer than (\\d+) characters.*",
						"Een kopregel van de e-mail is langer dan $1 tekens."),
				rule("The mail cannot be read.*", "De e-mail kan niet worden gelezen."),
				rule("The mail has no sender address.*", "De e-mail heeft geen afzenderadres."),
				rule("Withheld by the facility", "Ingehouden door de inrichting."),
				rule("More messages arrived today than the facility accepts in a day.*",
						"Er kwamen vandaag meer berichten binnen dan de inrichting per dag aanneemt. Stuur het morgen opnieuw."),
				rule("The message contains something the facility does not pass on in letters.*",
						"Het bericht bevat iets wat de inrichting niet in brieven doorgeeft, zoals links, rekeningnummers, codes of bepaalde namen of woorden."),
				rule("Recorded but not delivered: this is (.*)\\.", "Vastgelegd maar niet bezorgd: dit is $1."));

		private Dutch() {
		}

		private static Rule rule(String english, String dutch) {
			return new Rule(Pattern.compile(english, Pattern.DOTALL), dutch);
		}

		static String of(String english) {
			// A screener's reason from the list carries its own Dutch.
			for (RejectReason listed : RejectReason.values()) {
				if (listed.english().equals(english)) {
					return listed.dutch();
				}
			}
			for (Rule rule : RULES) {
				Matcher match = rule.english().matcher(english);
				if (match.matches()) {
					String dutch = rule.dutch();
					for (int group = match.groupCount(); group >= 1; group--) {
						dutch = dutch.replace("$" + group, match.group(group));
					}
					return dutch;
				}
			}
			return "zie de Engelse tekst hieronder.";
		}

	}

}
