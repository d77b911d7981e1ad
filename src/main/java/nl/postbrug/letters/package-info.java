/**
 * Renders a message into a printable PDF letter with a per-copy barcode from the
 * templates in print-templates/.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package nl.postbrug.letters;
