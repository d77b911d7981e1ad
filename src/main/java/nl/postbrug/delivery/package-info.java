/**
 * Records the hand-over of printed letters by barcode scan.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "batches", "registry", "intake", "letters" })
package nl.postbrug.delivery;
