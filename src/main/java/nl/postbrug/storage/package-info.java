/**
 * Keeps the service's files (batch and reprint PDFs) behind one interface whose default
 * is the application database, so that several nodes share nothing but PostgreSQL.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package nl.postbrug.storage;
