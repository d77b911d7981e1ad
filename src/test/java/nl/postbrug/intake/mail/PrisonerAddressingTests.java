package nl.postbrug.intake.mail;

import java.util.Optional;

import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Prisoner;

import org.junit.jupiter.api.Test;

import static nl.postbrug.intake.mail.TestMail.ANNA;
import static nl.postbrug.intake.mail.TestMail.JAN;
import static nl.postbrug.intake.mail.TestMail.bytes;
import static nl.postbrug.intake.mail.TestMail.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** The prisoner a mail is for: sub-address tag, then subject, then the only approval. */
class PrisonerAddressingTests {

	private final PrisonerAddressing addressing = new PrisonerAddressing(TestMail.registry());

	private Optional<Prisoner> prisoner(String headers, Optional<Contact> sender) {
		var mail = parse(bytes(headers + "\r\nx\r\n"));
		return addressing.prisoner(mail, HeaderText.subject(mail), sender);
	}

	@Test
	void aSubAddressTagNamesThePrisoner() {
		assertThat(prisoner("From: x@example.com\r\nTo: post+1000000001@postbrug.example.org\r\n", Optional.empty()))
			.contains(JAN);
		assertThat(prisoner(
				"From: x@example.com\r\nTo: a@b.example\r\nDelivered-To: post+1000000001@postbrug.example.org\r\n",
				Optional.empty()))
			.contains(JAN);
	}

	@Test
	void aRegistryNumberInTheSubjectNamesThePrisoner() {
		assertThat(prisoner("From: x@example.com\r\nTo: post@postbrug.example.org\r\nSubject: Voor 1000000001, Jan\r\n",
				Optional.empty()))
			.contains(JAN);
	}

	@Test
	void otherwiseTheSendersOnlyApprovedPrisonerIsMeant() {
		assertThat(prisoner("From: anna@example.org\r\nTo: post@postbrug.example.org\r\nSubject: Hoi\r\n",
				Optional.of(ANNA)))
			.contains(JAN);
	}

	@Test
	void anUnknownTagOrNumberAndNoApprovalFindNobody() {
		assertThat(
				prisoner("From: x@example.com\r\nTo: post+9999999999@postbrug.example.org\r\nSubject: Voor 123456\r\n",
						Optional.empty()))
			.isEmpty();
	}

	@Test
	void recipientsAreThePlainAddressesOnce() {
		var mail = parse(bytes("To: Post <post+1000000001@postbrug.example.org>, broken@@x\r\n"
				+ "Cc: post+1000000001@postbrug.example.org\r\nX-Original-To: post@postbrug.example.org\r\n\r\nx"));
		assertThat(PrisonerAddressing.recipients(mail)).containsExactly("post+1000000001@postbrug.example.org",
				"post@postbrug.example.org");
	}

}
