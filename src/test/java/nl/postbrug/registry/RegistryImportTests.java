package nl.postbrug.registry;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;

import nl.postbrug.support.Bundles;

import nl.postbrug.support.TestDatabase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RegistryImportTests {

	private final MessageSource texts = Bundles.messageSource();

	private Registry registry;

	private RegistryImport importer;

	@BeforeEach
	void samples() {
		JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
		registry = new Registry(jdbc);
		importer = new RegistryImport(jdbc, registry, PasswordEncoderFactories.createDelegatingPasswordEncoder());
		assertThat(TestDatabase.sample("facilities.csv", importer::facilities).clean()).isTrue();
		assertThat(TestDatabase.sample("units.csv", importer::units).clean()).isTrue();
	}

	@Test
	void theSampleDataImportsCleanly() {
		ImportReport prisoners = TestDatabase.sample("prisoners.csv", importer::prisoners);
		ImportReport contacts = TestDatabase.sample("contacts.csv", importer::contacts);
		ImportReport staff = TestDatabase.sample("staff.csv", importer::staff);
		assertThat(prisoners.problems()).isEmpty();
		assertThat(contacts.problems()).isEmpty();
		assertThat(staff.problems()).isEmpty();
		assertThat(prisoners.created()).isGreaterThanOrEqualTo(40);
		assertThat(contacts.created()).isGreaterThanOrEqualTo(30);
		assertThat(registry.facilities()).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void printChoicesAreOptionalColumnsOfTheFacilityFile() {
		assertThat(registry.facility("PIV").orElseThrow().printer().duplex()).isTrue();
		assertThat(registry.facility("PIZ").orElseThrow().printer().greyscalePhotos()).isTrue();
		assertThat(registry.facility("PIA").orElseThrow().printer())
			.isEqualTo(new PrinterSettings(PrinterType.FOLDER, "pia"));
		ImportReport withoutColumns = importer.facilities(new StringReader(
				"code,name,time_zone,printer_type,printer_target\nPIX,PI Test,Europe/Amsterdam,FOLDER,pix\n"));
		assertThat(withoutColumns.clean()).isTrue();
		assertThat(registry.facility("PIX").orElseThrow().printer().duplex()).isFalse();
		ImportReport bad = importer.facilities(new StringReader(
				"code,name,time_zone,printer_type,printer_target,duplex\nPIY,PI Test,Europe/Amsterdam,FOLDER,piy,sometimes\n"));
		assertThat(bad.problems()).singleElement()
			.satisfies(p -> assertThat(english(p)).isEqualTo("duplex must be true or false, not 'sometimes'."));
	}

	@Test
	void aFacilityMayKeepContentForItsOwnNumberOfDays() {
		ImportReport report = importer.facilities(new StringReader("""
				code,name,time_zone,printer_type,printer_target,retention_days
				PRA,PI Retentie A,Europe/Amsterdam,FOLDER,pra,30
				PRB,PI Retentie B,Europe/Amsterdam,FOLDER,prb,
				PRC,PI Retentie C,Europe/Amsterdam,FOLDER,prc,soon
				PRD,PI Retentie D,Europe/Amsterdam,FOLDER,prd,0
				"""));
		assertThat(report.problems()).extracting(ImportReport.RowProblem::line).containsExactly(4L, 5L);
		assertThat(report.problems()).extracting(ImportReport.RowProblem::code, ImportReport.RowProblem::values)
			.containsExactly(tuple("import.days", List.of("retention_days", "soon")),
					tuple("import.days", List.of("retention_days", "0")));
		assertThat(registry.retentionDays(registry.facility("PRA").orElseThrow().id())).hasValue(30);
		assertThat(registry.retentionDays(registry.facility("PRB").orElseThrow().id())).isEmpty();
	}

	@Test
	void importingTwiceUpdatesInsteadOfDoubling() {
		TestDatabase.sample("prisoners.csv", importer::prisoners);
		ImportReport again = TestDatabase.sample("prisoners.csv", importer::prisoners);
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isGreaterThanOrEqualTo(40);
	}

	@Test
	void everyBadPrisonerRowIsReportedWithItsLineAndReasonAndTheGoodRowsImport() {
		String csv = """
				number,name,facility,unit,cell,status
				2000000001,Goed Persoon,PIA,A,A-1.01,ACTIVE
				2000000002,Geen Instelling,NOPE,A,A-1.02,ACTIVE
				2000000003,Verkeerde Afdeling,PIA,Z,A-1.03,ACTIVE
				2000000004,Rare Status,PIA,A,A-1.04,ESCAPED
				2000000005,,PIA,A,A-1.05,ACTIVE
				"2000000006","Met ""aanhalingstekens"", en komma",PIA,A,A-1.06,ACTIVE
				2000000007,Te Weinig Velden,PIA
				bad number!,Fout Nummer,PIA,A,A-1.08,ACTIVE
				""";
		ImportReport report = importer.prisoners(new StringReader(csv));
		assertThat(report.created()).isEqualTo(2);
		assertThat(report.problems()).extracting(ImportReport.RowProblem::line, ImportReport.RowProblem::code)
			.containsExactly(tuple(3L, "import.unknown-facility"), tuple(4L, "import.unknown-unit"),
					tuple(5L, "import.one-of"), tuple(6L, "import.empty"), tuple(8L, "import.field-count"),
					tuple(9L, "import.registry-number"));
		assertThat(report.problems().get(2).values())
			.isEqualTo(List.of("status", "ACTIVE, TRANSFERRED, RELEASED", "ESCAPED"));
		assertThat(report.problems().get(4).values()).isEqualTo(List.of(3, 6));
		assertThat(registry.prisoner("2000000006").orElseThrow().name())
			.isEqualTo("Met \"aanhalingstekens\", en komma");
		assertThat(registry.prisoner("2000000002")).isEmpty();
	}

	@Test
	void aFileWithoutTheRightHeaderIsRefusedAsAWhole() {
		ImportReport report = importer.prisoners(new StringReader("nummer;naam\n1;x\n"));
		assertThat(report.created()).isZero();
		assertThat(report.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.line()).isEqualTo(1);
			assertThat(english(problem)).isEqualTo(
					"The header lacks the column(s) number,name,facility,unit,cell,status; expected: number,name,facility,unit,cell,status.");
		});
	}

	@Test
	void aFileThatIsNotCsvIsReportedAfterTheRowsBeforeTheFault() {
		ImportReport report = importer.units(new StringReader("facility,code,name\nPIA,Q,Q\nPIA,R,\"open\n"));
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.problems()).singleElement()
			.satisfies(problem -> assertThat(english(problem)).startsWith("The file is not valid CSV: "));
	}

	@Test
	void contactRowsNamingUnknownPrisonersOrBadAddressesAreRefused() {
		TestDatabase.sample("prisoners.csv", importer::prisoners);
		String csv = """
				email,name,verified,approved_for
				piet@example.org,Piet,true,1000000001;1000000002
				geen-adres,Fout,true,1000000001
				kees@example.org,Kees,misschien,1000000001
				joke@example.org,Joke,true,1000000001;0000000000
				""";
		ImportReport report = importer.contacts(new StringReader(csv));
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.problems()).extracting(ImportReport.RowProblem::line).containsExactly(3L, 4L, 5L);
		assertThat(report.problems()).extracting(ImportReport.RowProblem::code, ImportReport.RowProblem::values)
			.containsExactly(tuple("import.not-an-email", List.of("geen-adres")),
					tuple("import.boolean", List.of("verified", "misschien")),
					tuple("import.unknown-approved-prisoner", List.of("0000000000")));
		Contact piet = registry.contact("PIET@example.org").orElseThrow();
		assertThat(registry.approvedPrisoners(piet.id())).extracting(Prisoner::number)
			.containsExactly("1000000001", "1000000002");
	}

	@Test
	void reimportingAContactReplacesItsApprovals() {
		TestDatabase.sample("prisoners.csv", importer::prisoners);
		importer.contacts(new StringReader(
				"email,name,verified,approved_for\npiet@example.org,Piet,true,1000000001;1000000002\n"));
		importer
			.contacts(new StringReader("email,name,verified,approved_for\npiet@example.org,Piet,false,1000000002\n"));
		Contact piet = registry.contact("piet@example.org").orElseThrow();
		assertThat(piet.verified()).isFalse();
		assertThat(registry.approvedPrisoners(piet.id())).extracting(Prisoner::number).containsExactly("1000000002");
	}

	@Test
	void staffUsernamesCannotLookLikeEmailAddressesAndSenderIsNoStaffRole() {
		String csv = """
				username,name,roles,facilities
				piet@example.org,Piet,POSTROOM,PIA
				kees,Kees,SENDER,PIA
				joke,Joke,POSTROOM,NOPE
				ria,Ria,POSTROOM;SCREENER,PIA;PIV
				""";
		ImportReport report = importer.staff(new StringReader(csv));
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.problems()).extracting(ImportReport.RowProblem::line, ImportReport.RowProblem::code)
			.containsExactly(tuple(2L, "import.staff-username"), tuple(3L, "import.sender-role"),
					tuple(4L, "import.unknown-facility"));
	}

	@Test
	void aFacilityCanPrintOnAnIppPrinterNamedByAnIppOrIppsUri() {
		ImportReport report = importer.facilities(new StringReader("""
				code,name,time_zone,printer_type,printer_target
				PIA,PI Amsterdam Noord,Europe/Amsterdam,IPP,ipp://printer.pia.example:631/ipp/print
				PIV,PI Vught,Europe/Amsterdam,ipp,ipps://printer.piv.example/ipp/print
				PIZ,PI Zwolle,Europe/Amsterdam,IPP,http://printer.piz.example/ipp/print
				"""));
		assertThat(report.problems()).extracting(ImportReport.RowProblem::line, this::english)
			.containsExactly(tuple(4L,
					"printer_target of an IPP printer must be an ipp:// or ipps:// URI such as ipp://printer.example/ipp/print, not 'http://printer.piz.example/ipp/print'."));
		assertThat(registry.facility("PIA").orElseThrow().printer())
			.isEqualTo(new PrinterSettings(PrinterType.IPP, "ipp://printer.pia.example:631/ipp/print"));
		assertThat(registry.facility("PIV").orElseThrow().printer().target())
			.isEqualTo("ipps://printer.piv.example/ipp/print");
	}

	@Test
	void anUnknownPrinterTypeIsReportedWithItsLineAndTheOtherRowsImport() {
		ImportReport report = importer.facilities(new StringReader("""
				code,name,time_zone,printer_type,printer_target
				PIA,PI Amsterdam Noord,Europe/Amsterdam,hot_folder,/srv/print/pia
				PIV,PI Vught,Europe/Amsterdam,FAX,0123456789
				PIZ,PI Zwolle,Europe/Amsterdam,,piz
				"""));
		assertThat(report.problems()).extracting(ImportReport.RowProblem::line, this::english)
			.containsExactly(tuple(3L, "printer_type must be one of FOLDER, HOT_FOLDER, IPP, not 'FAX'."),
					tuple(4L, "printer_type is empty."));
		assertThat(report.problems().get(0).reason(texts, Locale.forLanguageTag("nl")))
			.isEqualTo("printer_type moet een van FOLDER, HOT_FOLDER, IPP zijn, niet 'FAX'.");
		assertThat(registry.facility("PIA").orElseThrow().printer())
			.isEqualTo(new PrinterSettings(PrinterType.HOT_FOLDER, "/srv/print/pia"));
		assertThat(registry.facility("PIV").orElseThrow().printer().type()).isEqualTo(PrinterType.FOLDER);
	}

	private String english(ImportReport.RowProblem problem) {
		return problem.reason(texts, Locale.ENGLISH);
	}

}
