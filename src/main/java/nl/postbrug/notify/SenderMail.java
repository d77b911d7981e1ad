package nl.postbrug.notify;

/**
 * The words of one notification: a fixed subject with a reference, and a plain-text body,
 * Dutch first, then English. Nothing from the incoming mail's headers is in it.
 */
record SenderMail(String subject, String body) {
}
