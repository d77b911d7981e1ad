/**
 * Tells senders by email what happened to their messages; listens only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "intake", "letters", "registry", "delivery" })
package nl.postbrug.notify;
