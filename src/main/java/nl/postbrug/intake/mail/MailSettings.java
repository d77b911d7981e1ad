package nl.postbrug.intake.mail;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the work one mail may cause ({@code postbrug.intake.mail.*}), whatever
 * channel brought it. The whole-mail size limit is
 * {@code postbrug.intake.max-mail-bytes}.
 *
 * @param maxParts MIME parts in one mail; more and the mail is refused
 * @param maxDepth nesting of multiparts
 * @param maxHeaders header fields in the mail's own header block
 * @param maxHeaderLength characters in one header field, continuation lines included
 * @param maxLineLength bytes in any one line of the mail
 * @param maxTextBytes decoded bytes read from one text part; the rest is cut off and the
 * sender told
 * @param ownAddresses the system's own addresses: mail from them is recorded and never
 * answered
 * @param authservIds the authserv-ids (RFC 8601) of the own receiving mail server: only
 * {@code Authentication-Results} headers it added confirm or fail a sender
 */
@ConfigurationProperties("postbrug.intake.mail")
public record MailSettings(@DefaultValue("100") int maxParts, @DefaultValue("10") int maxDepth,
		@DefaultValue("300") int maxHeaders, @DefaultValue("16384") int maxHeaderLength,
		@DefaultValue("100000") int maxLineLength, @DefaultValue("1048576") int maxTextBytes,
		@DefaultValue List<String> ownAddresses, @DefaultValue List<String> authservIds) {

	public MailSettings {
		ownAddresses = ownAddresses == null ? List.of()
				: ownAddresses.stream()
					.filter(a -> a != null && !a.isBlank())
					.map(a -> a.strip().toLowerCase(java.util.Locale.ROOT))
					.toList();
		authservIds = authservIds == null ? List.of()
				: authservIds.stream()
					.filter(a -> a != null && !a.isBlank())
					.map(a -> a.strip().toLowerCase(java.util.Locale.ROOT))
					.toList();
	}

}
