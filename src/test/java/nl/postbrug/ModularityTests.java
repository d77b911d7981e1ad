package nl.postbrug;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PostbrugApplication.class);

	@Test
	void modulesDependOnlyOnEachOthersPublicApiAndFormNoCycle() {
		modules.verify();
	}

	@Test
	void verificationFailsOnAForbiddenDependency() {
		ApplicationModules fixture = ApplicationModules.of("modulithfixture", location -> true);
		assertThatThrownBy(fixture::verify).hasMessageContaining("inner").hasMessageContaining("outer");
	}

	@Test
	void everyModuleOfTheDesignExists() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"registry", "intake", "screening", "letters", "batches", "delivery", "notify", "audit", "storage",
				"operations");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
