package nl.postbrug.audit;

import nl.postbrug.batches.BatchAssembled;
import nl.postbrug.batches.BatchPdfPurged;
import nl.postbrug.batches.BatchPrintFailed;
import nl.postbrug.batches.BatchPrinted;
import nl.postbrug.batches.LetterForwarded;
import nl.postbrug.batches.LetterReprinted;
import nl.postbrug.batches.ReprintPdfPurged;
import nl.postbrug.delivery.LetterScanned;
import nl.postbrug.delivery.ReplyDownloaded;
import nl.postbrug.delivery.ReplyPagePurged;
import nl.postbrug.delivery.ReplyPageQueued;
import nl.postbrug.delivery.ReplyPageSettled;
import nl.postbrug.delivery.ReplyReceived;
import nl.postbrug.delivery.ReplyScanPurged;
import nl.postbrug.delivery.ReplyStatusChanged;
import nl.postbrug.intake.Channel;
import nl.postbrug.intake.MessageContentPurged;
import nl.postbrug.intake.MessageStatusChanged;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.PersonalDataExported;
import nl.postbrug.intake.RetentionRun;
import nl.postbrug.letters.PrintTemplatesReloaded;
import nl.postbrug.registry.AccountChanged;
import nl.postbrug.registry.ApprovalDecided;
import nl.postbrug.registry.ApprovalRequested;
import nl.postbrug.registry.PrisonerReleased;
import nl.postbrug.registry.PrisonerTransferred;
import nl.postbrug.registry.SecondFactorChanged;
import nl.postbrug.registry.SignedOutEverywhere;
import nl.postbrug.screening.ScreeningRulesReloaded;
import nl.postbrug.screening.WithholdProposed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an audit event for every state change the modules announce. The listeners are
 * synchronous, so the event commits in the same transaction as the change, or not at all,
 * and a change made in an HTTP request is recorded with that request's origin.
 * <p>
 * What goes in: who, what, to which object, the outcome and staff-only reasons; never a
 * message's text or subject, a password, a key or a code secret. The events carry none of
 * those, and URIs lose any credentials on the way in ({@link AuditLog}).
 */
@Component
class AuditListeners {

	private final AuditLog log;

	private final Messages messages;

	AuditListeners(AuditLog log, Messages messages) {
		this.log = log;
		this.messages = messages;
	}

	/**
	 * The change with its reason as code and values
	 * ({@code REJECTED: mail.too-large [4100,
	 * 2048]}), not as words in one language, and the internal note that only staff see.
	 */
	@EventListener
	void on(MessageStatusChanged change) {
		String detail = (change.from() == null ? "" : change.from() + " -> ") + change.to() + ": " + change.detail()
				+ (change.internalNote() == null ? "" : " [internal: " + change.internalNote() + "]");
		log.append(change.actor(), "MESSAGE_" + change.to(), "message:" + change.messageId(), detail, change.at(),
				receivedBy(change));
	}

	/**
	 * Mail comes in through no HTTP request: the first event of a mailed message names
	 * the channel it came by. {@code null}: the request being served, or the system.
	 */
	private Origin receivedBy(MessageStatusChanged change) {
		if (change.from() != null) {
			return null;
		}
		Channel channel = messages.find(change.messageId()).map(MessageView::channel).orElse(Channel.WEB);
		return switch (channel) {
			case IMAP -> Origin.IMAP;
			case DROP_FOLDER -> Origin.DROP_FOLDER;
			case WEB -> null;
		};
	}

	/**
	 * One event per purged message, so an auditor can show for each message when and
	 * under which period its content went; what it said is never in it.
	 */
	@EventListener
	void on(MessageContentPurged purged) {
		log.append("system", "MESSAGE_CONTENT_PURGED", "message:" + purged.messageId(),
				purged.status() + " since " + purged.lastChange() + ", retention " + purged.retentionDays()
						+ " days: text, " + purged.photos() + " photos" + (purged.rawMail() ? ", raw mail" : ""),
				purged.at(), Origin.SYSTEM);
	}

	/** One event per run, also when nothing was due, so a stopped purge shows. */
	@EventListener
	void on(RetentionRun run) {
		log.append(run.actor(), "RETENTION_RUN", "retention:" + run.startedAt(),
				run.messages() + " messages, " + run.photos() + " photos, " + run.rawMails() + " raw mails purged",
				run.finishedAt(), Origin.SYSTEM);
	}

	@EventListener
	void on(BatchPdfPurged purged) {
		log.append("system", "BATCH_PDF_PURGED", "batch:" + purged.batchId(),
				purged.facility() + ": PDF of " + purged.letters() + " letters removed, every letter's retention ended",
				purged.at(), Origin.SYSTEM);
	}

	@EventListener
	void on(ReprintPdfPurged purged) {
		log.append("system", "REPRINT_PDF_PURGED", "letter:" + purged.letterId(), "PDF of copy " + purged.copyNo()
				+ " (" + purged.code() + ") removed with message " + purged.messageId(), purged.at(), Origin.SYSTEM);
	}

	@EventListener
	void on(ReplyScanPurged purged) {
		log.append("system", "REPLY_SCAN_PURGED", "reply:" + purged.replyId(),
				purged.status() + ": scan removed, retention of message " + purged.messageId() + " ended", purged.at(),
				Origin.SYSTEM);
	}

	@EventListener
	void on(ReplyPagePurged purged) {
		log.append(
				"system", "REPLY_PAGE_PURGED", "reply-page:" + purged.pageId(), purged.problem() + " page received "
						+ purged.receivedAt() + ": image removed " + (purged.messageId() == null
								? "after the default retention period" : "with message " + purged.messageId()),
				purged.at(), Origin.SYSTEM);
	}

	@EventListener
	void on(PersonalDataExported export) {
		log.append(export.email(), "PERSONAL_DATA_EXPORTED", "contact:" + export.contactId(),
				export.messages() + " messages, " + export.photos() + " photos", export.at(), null);
	}

	@EventListener
	void on(SecondFactorChanged change) {
		log.append(
				new AuditLog.Entry(change.username(), "SECOND_FACTOR_" + change.kind(), "account:" + change.username(),
						change.kind() == SecondFactorChanged.Kind.FAILED ? AuditResult.FAILURE : AuditResult.SUCCESS,
						change.kind() == SecondFactorChanged.Kind.FAILED ? "wrong or already used code" : null,
						change.at(), null));
	}

	@EventListener
	void on(SignedOutEverywhere signedOut) {
		log.append(signedOut.account(), "SIGNED_OUT_EVERYWHERE", "account:" + signedOut.account(),
				"every page session begun before this ends", signedOut.at(), null);
	}

	@EventListener
	void on(ScreeningRulesReloaded reload) {
		log.append(reload.actor(), "SCREENING_RULES_RELOADED", "rules:" + reload.version().substring(0, 16),
				"rules " + reload.version() + " for default"
						+ (reload.facilities().isEmpty() ? "" : " + " + reload.facilities()),
				null);
	}

	@EventListener
	void on(nl.postbrug.screening.TriageModelTrained model) {
		log.append(model.actor(), "TRIAGE_MODEL_TRAINED", "model:" + model.version(),
				"triage model " + model.version() + " on " + model.examples() + " examples (" + model.reviewed()
						+ " reviewed), data " + model.dataDigest(),
				null);
	}

	@EventListener
	void on(PrintTemplatesReloaded reload) {
		log.append(reload.actor(), "PRINT_TEMPLATES_RELOADED", "templates:" + reload.version().substring(0, 16),
				"print templates " + reload.version(), null);
	}

	@EventListener
	void on(WithholdProposed proposal) {
		log.append(proposal.screener(), "WITHHOLD_PROPOSED", "message:" + proposal.messageId(),
				"awaits a second screener [internal: " + proposal.reason() + "]", null);
	}

	@EventListener
	void on(BatchAssembled batch) {
		log.append(batch.actor(), "BATCH_ASSEMBLED", "batch:" + batch.batchId(), batch.facility() + " slot "
				+ batch.slot() + ": " + batch.letters() + " letters, " + batch.pages() + " pages", null);
	}

	@EventListener
	void on(BatchPrinted batch) {
		log.append("system", "BATCH_PRINTED", "batch:" + batch.batchId(), batch.facility() + ": " + batch.letters()
				+ " letters, " + batch.pages() + " pages to " + batch.printer(), null);
	}

	@EventListener
	void on(BatchPrintFailed batch) {
		log.append(new AuditLog.Entry("system", "BATCH_PRINT_FAILED", "batch:" + batch.batchId(), AuditResult.FAILURE,
				batch.facility() + ": " + batch.reason(), null, null));
	}

	@EventListener
	void on(LetterReprinted reprint) {
		log.append(reprint.actor(), "LETTER_REPRINTED", "letter:" + reprint.letterId(),
				"new copy " + reprint.newCode() + ", void " + reprint.voidedCode(), null);
	}

	@EventListener
	void on(LetterScanned scan) {
		log.append(new AuditLog.Entry(scan.actor(), "SCAN_" + scan.outcome(),
				scan.letterId() == null ? "code:" + scan.code() : "letter:" + scan.letterId(),
				scan.outcome().settles() ? AuditResult.SUCCESS : AuditResult.REFUSED,
				"code " + scan.code() + (scan.messageId() == null ? "" : ", message " + scan.messageId()), null, null));
	}

	@EventListener
	void on(LetterForwarded forward) {
		log.append(forward.actor(), "LETTER_FORWARDED", "letter:" + forward.letterId(),
				"to " + forward.toFacility() + ", void " + forward.voidedCode() + ", message " + forward.messageId(),
				null);
	}

	@EventListener
	void on(PrisonerReleased release) {
		log.append(release.actor(), "PRISONER_RELEASED", "prisoner:" + release.number(),
				"released from " + release.facilityCode(), release.at(), null);
	}

	@EventListener
	void on(PrisonerTransferred transfer) {
		log.append(
				transfer.actor(), "PRISONER_TRANSFERRED", "prisoner:" + transfer.number(), transfer.fromFacilityCode()
						+ " -> " + transfer.toFacilityCode() + " unit " + transfer.unit() + " cell " + transfer.cell(),
				transfer.at(), null);
	}

	void on(AccountChanged change) {
		log.append(change.email(), "ACCOUNT_" + change.change(), "contact:" + change.contactId(),
				change.change().name(), null);
	}

	@EventListener
	void on(ApprovalRequested request) {
		log.append("contact:" + request.contactId(), "APPROVAL_REQUESTED", "approval-request:" + request.id(),
				"pending", null);
	}

	@EventListener
	void on(ApprovalDecided decision) {
		log.append(decision.decidedBy(), decision.approved() ? "APPROVAL_GRANTED" : "APPROVAL_REFUSED",
				"approval-request:" + decision.id(), "contact " + decision.contactId() + " for prisoner "
						+ decision.registryNumber() + (decision.reason() == null ? "" : ": " + decision.reason()),
				null);
	}

	@EventListener
	void on(ReplyReceived received) {
		log.append(new AuditLog.Entry(received.actor(), "REPLY_RECEIVED", "reply:" + received.replyId(),
				AuditResult.SUCCESS,
				"code " + received.replyCode() + ", message " + received.messageId() + ", by " + received.channel(),
				null, null));
	}

	@EventListener
	void on(ReplyStatusChanged change) {
		log.append(change.actor(), "REPLY_" + change.to(), "reply:" + change.replyId(),
				change.from() + " -> " + change.to() + ", message " + change.messageId()
						+ (change.note() == null ? "" : " [internal: " + change.note() + "]"),
				null);
	}

	@EventListener
	void on(ReplyPageQueued queued) {
		log.append(new AuditLog.Entry(queued.actor(), "REPLY_PAGE_QUEUED", "reply-page:" + queued.pageId(),
				AuditResult.REFUSED,
				queued.problem() + (queued.replyCode() == null ? "" : ", code " + queued.replyCode()), null, null));
	}

	@EventListener
	void on(ReplyPageSettled settled) {
		log.append(settled.actor(), settled.replyId() == null ? "REPLY_PAGE_DISCARDED" : "REPLY_PAGE_SETTLED",
				"reply-page:" + settled.pageId(), settled.replyId() == null ? "discarded"
						: "code " + settled.replyCode() + " typed, reply " + settled.replyId(),
				null);
	}

	@EventListener
	void on(ReplyDownloaded downloaded) {
		log.append(downloaded.actor(), "REPLY_READ", "reply:" + downloaded.replyId(), "scan read", null);
	}

}
