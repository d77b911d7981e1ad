package nl.postbrug.registry;

import javax.sql.DataSource;

import nl.postbrug.support.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The demo's registry (samples/*.csv) in an in-memory database, for tests of other
 * modules' rules.
 */
public final class SampleRegistry {

	private SampleRegistry() {
	}

	public static Registry load(DataSource dataSource) {
		RegistryImport importer = importer(dataSource);
		Registry registry = new Registry(JdbcClient.create(dataSource));
		for (var report : java.util.List.of(TestDatabase.sample("facilities.csv", importer::facilities),
				TestDatabase.sample("units.csv", importer::units),
				TestDatabase.sample("prisoners.csv", importer::prisoners),
				TestDatabase.sample("contacts.csv", importer::contacts))) {
			if (!report.clean()) {
				throw new IllegalStateException("Sample data does not import: " + report);
			}
		}
		return registry;
	}

	/** The importer of the registry in {@code dataSource}, for tests of what uses it. */
	public static RegistryImport importer(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		return new RegistryImport(jdbc, new Registry(jdbc), PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

}
