/**
 * Tells senders by email what happened to their messages; listens only.
 */
@org.springframework.modulith.ApplicationModule
package nl.postbrug.notify;
