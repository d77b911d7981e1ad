/**
 * Keeps the service's files (batch and reprint PDFs) behind one interface whose default
 * is the application database, so that several nodes share nothing but PostgreSQL, and
 * encrypts stored content at rest (message texts, photos, raw mail and those files) with
 * one {@link nl.postbrug.storage.ContentEncryption} whose keys rotate in the background.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package nl.postbrug.storage;
