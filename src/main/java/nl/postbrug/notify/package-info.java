/**
 * Tells senders by email what happened to their messages; listens only.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "registry", "intake", "screening", "batches", "delivery", "letters" })
package nl.postbrug.notify;
