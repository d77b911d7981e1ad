/**
 * Records the hand-over of printed letters by barcode scan.
 */
@org.springframework.modulith.ApplicationModule
package nl.postbrug.delivery;
