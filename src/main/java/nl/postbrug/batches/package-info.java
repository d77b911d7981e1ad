/**
 * Collects approved messages into one sorted print batch per facility on a schedule and
 * hands the batch to the facility's printer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "letters", "registry", "intake", "storage" })
package nl.postbrug.batches;
