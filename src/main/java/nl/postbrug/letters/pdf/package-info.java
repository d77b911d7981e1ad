/**
 * Lays letters out as PDF with openhtmltopdf: templates, escaping, bundled fonts,
 * barcodes.
 */
package nl.postbrug.letters.pdf;
