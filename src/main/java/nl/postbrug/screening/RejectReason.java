package nl.postbrug.screening;

import java.util.Locale;
import java.util.Optional;

/**
 * The reasons a screener chooses from when rejecting, written for the sender in Dutch and
 * English. They say what kind of content was refused, never which rule or word found it.
 */
public enum RejectReason {

	CONTACT_DETAILS("Telefoonnummers, adressen, links en rekeningnummers worden niet doorgegeven.",
			"Phone numbers, addresses, links and account numbers are not passed on."),
	THREATENING("Dreigende, intimiderende of beledigende inhoud wordt niet doorgegeven.",
			"Threatening, intimidating or abusive content is not passed on."),
	CRIMINAL("De inhoud kan bijdragen aan strafbare feiten en wordt niet doorgegeven.",
			"The content could help a crime and is not passed on."),
	CODED("Versleutelde, gecodeerde of onleesbare tekst wordt niet doorgegeven.",
			"Encrypted, coded or unreadable text is not passed on."),
	NAMED_PERSON("Het bericht noemt iemand over wie de gedetineerde niets mag horen.",
			"The message names someone the prisoner may not be told about."),
	PHOTO("Een foto in het bericht kan niet worden doorgegeven.", "A photo in the message cannot be passed on."),
	LANGUAGE("Het bericht is in een taal die de inrichting niet kan lezen. Schrijf in het Nederlands of Engels.",
			"The message is in a language the facility cannot read. Please write in Dutch or English.");

	private final String dutch;

	private final String english;

	RejectReason(String dutch, String english) {
		this.dutch = dutch;
		this.english = english;
	}

	public String dutch() {
		return dutch;
	}

	public String english() {
		return english;
	}

	public static Optional<RejectReason> of(String code) {
		if (code == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
