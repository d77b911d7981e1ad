/**
 * Keeps the append-only, hash-chained log of every state change and verifies its
 * integrity; listens only.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "intake", "screening", "batches", "delivery", "letters", "registry" })
package nl.postbrug.audit;
