/**
 * Facilities, units, printers, prisoners, contacts with their approvals, and staff users:
 * the reference data every other module looks up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "storage" })
package nl.postbrug.registry;
