/**
 * Records the hand-over of printed letters by barcode scan, and receives the replies
 * prisoners write on reply sheets.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "batches", "registry", "intake", "letters", "storage" })
package nl.postbrug.delivery;
