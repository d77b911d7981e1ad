/**
 * Collects approved messages into one sorted print batch per facility on a schedule and hands the batch to the facility's printer.
 */
@org.springframework.modulith.ApplicationModule
package nl.postbrug.batches;
