package nl.postbrug.audit.web;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.audit.AuditLog;
import nl.postbrug.audit.AuditResult;
import nl.postbrug.audit.Origin;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.support.ApiTestSupport;
import nl.postbrug.support.DataDirs;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log through the API and the auditor's page on the demo application: the
 * origin of a change, verification with the demo's anchors, the export in CSV and JSON
 * and its filters, and who may see any of it.
 */
class AuditWebTests extends ApiTestSupport {

	private static final PostbrugUser AUDITOR_USER = PostbrugUser.staff("auditor", "n/a", Set.of(Role.AUDITOR), true,
			Set.of(), true);

	@Autowired
	AuditLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Registry registry;

	@BeforeEach
	void eventsToExport() {
		if (count("SELECT COUNT(*) FROM audit_event WHERE type = 'EXPORT_TEST'") > 0) {
			return;
		}
		transactions.executeWithoutResult(tx -> {
			log.append(new AuditLog.Entry("=cmd|' /C calc'!A0", "EXPORT_TEST", "message:csv-1", AuditResult.SUCCESS,
					"line one\nline \"two\", with a comma", Instant.parse("2026-01-10T10:00:00Z"),
					Origin.api("192.0.2.44")));
			log.append(new AuditLog.Entry("screener", "EXPORT_TEST", "message:csv-2", AuditResult.REFUSED, "-1 +1 @x",
					Instant.parse("2026-01-20T10:00:00Z"), Origin.web("192.0.2.45")));
			log.append(new AuditLog.Entry("screener", "EXPORT_TEST", "batch:csv_3", AuditResult.FAILURE, null,
					Instant.parse("2026-03-01T10:00:00Z"), Origin.SYSTEM));
			for (int i = 1; i <= 55; i++) {
				log.append(new AuditLog.Entry("pager", "PAGING_TEST", "batch:" + i, AuditResult.SUCCESS, "page " + i,
						null, Origin.SYSTEM));
			}
		});
	}

	@Test
	void anApiCallIsRecordedWithItsClientAddressAndTheScreeningAfterItAsTheSystem() throws Exception {
		String sent = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "1000000001")
				.param("text", "Tot zondag " + DataDirs.uniqueWords())
				.with(ANNA)
				.with(from("198.51.100.23")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String subject = "message:" + JsonPath.read(sent, "$.id");
		await().until(() -> count("SELECT COUNT(*) FROM audit_event WHERE subject = '" + subject + "'") >= 3);
		List<String> origins = jdbc
			.sql("SELECT type || ' ' || result || ' ' || origin_channel || ' ' || COALESCE(origin_address, '-')"
					+ " FROM audit_event WHERE subject = ? ORDER BY seq")
			.param(subject)
			.query(String.class)
			.list();
		assertThat(origins).startsWith("MESSAGE_RECEIVED SUCCESS api 198.51.100.23",
				"MESSAGE_SCREENING SUCCESS system -");
		assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE subject = ? ORDER BY seq FETCH FIRST 1 ROWS ONLY")
			.param(subject)
			.query(String.class)
			.single()).isEqualTo("anna@example.org");
	}

	@Test
	void aMessageWrittenOnThePageIsRecordedAsWeb() throws Exception {
		String text = "Lieve Jan " + DataDirs.uniqueWords();
		PostbrugUser anna = PostbrugUser.relative(registry.contact("anna@example.org").orElseThrow(), "n/a");
		mvc.perform(multipart("/compose").param("prisoner", "1000000001")
			.param("text", text)
			.param("idempotencyKey", UUID.randomUUID().toString())
			.with(user(anna))
			.with(csrf())
			.with(from("203.0.113.9"))).andExpect(status().is3xxRedirection());
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE type = 'MESSAGE_RECEIVED' AND origin_channel = 'web'"
				+ " AND origin_address = '203.0.113.9'"))
			.isEqualTo(1);
	}

	@Test
	void mailFromTheDropFolderIsRecordedAsSuch() {
		// the demo drops its sample mail into the drop folder at start-up
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE type = 'MESSAGE_RECEIVED'"
				+ " AND origin_channel = 'drop-folder' AND origin_address IS NULL"))
			.isPositive();
	}

	@Test
	void noMessageTextReachesTheAuditLog() throws Exception {
		String words = "geheime zinsnede " + DataDirs.uniqueWords();
		UUID id = send("1000000001", "Hallo, " + words);
		await().until(() -> !statusOf(id).equals("RECEIVED") && !statusOf(id).equals("SCREENING"));
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE subject = 'message:" + id + "'")).isGreaterThan(2);
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE detail LIKE '%geheime zinsnede%'")).isZero();
	}

	@Test
	void verifyReportsTheChainAndTheDemoAnchors() throws Exception {
		// the first anchor is written at start-up with the demo's own key
		await().until(() -> JsonPath.<Integer>read(verify(), "$.anchors.found") > 0);
		String verify = verify();
		assertThat((Boolean) JsonPath.read(verify, "$.valid")).isTrue();
		assertThat((Object) JsonPath.read(verify, "$.firstBroken")).isNull();
		assertThat(JsonPath.<Integer>read(verify, "$.events")).isPositive();
		assertThat((Boolean) JsonPath.read(verify, "$.anchors.checked")).isTrue();
		assertThat(JsonPath.<String>read(verify, "$.anchors.keyId")).hasSize(16);
		assertThat(JsonPath.<List<Object>>read(verify, "$.anchors.problems")).isEmpty();
		assertThat(JsonPath.<Integer>read(verify, "$.anchors.confirmed"))
			.isEqualTo(JsonPath.<Integer>read(verify, "$.anchors.found"));
	}

	@Test
	void theCsvExportQuotesAsRfc4180AndDisarmsFormulas() throws Exception {
		String csv = mvc
			.perform(get("/api/v1/audit/events").param("from", "2026-01-01")
				.param("to", "2026-03-31")
				.param("action", "EXPORT_TEST")
				.param("format", "csv")
				.with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("text/csv")))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith(
				"seq,at,actor,action,object,result,origin_channel,origin_address,detail,encoding,prev_hash,hash\r\n");
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))
			.getRecords();
		assertThat(records).hasSize(3);
		CSVRecord first = records.get(0);
		assertThat(first.get("actor")).isEqualTo("'=cmd|' /C calc'!A0");
		assertThat(first.get("detail")).isEqualTo("line one\nline \"two\", with a comma");
		assertThat(first.get("at")).isEqualTo("2026-01-10T10:00:00.000Z");
		assertThat(first.get("origin_channel") + " " + first.get("origin_address")).isEqualTo("api 192.0.2.44");
		assertThat(records.get(1).get("detail")).isEqualTo("'-1 +1 @x");
		assertThat(records.get(1).get("result")).isEqualTo("REFUSED");
		assertThat(records.get(2).get("detail")).isEmpty();
		assertThat(records.get(2).get("hash")).hasSize(64);
	}

	@Test
	void theJsonExportFiltersByDateActorObjectAndAction() throws Exception {
		mvc.perform(get("/api/v1/audit/events").param("from", "2026-01-15")
			.param("to", "2026-03-31")
			.param("action", "export_test")
			.with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].object").value("message:csv-2"))
			.andExpect(jsonPath("$[0].origin.channel").value("web"))
			.andExpect(jsonPath("$[1].origin.address").doesNotExist());
		mvc.perform(get("/api/v1/audit/events").param("from", "2026-01-01")
			.param("to", "2026-03-31")
			.param("actor", "screener")
			.param("object", "message:*")
			.with(AUDITOR))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].detail").value("-1 +1 @x"));
		// the _ of the prefix is a character, not a wildcard
		mvc.perform(get("/api/v1/audit/events").param("from", "2026-01-01")
			.param("to", "2026-03-31")
			.param("object", "batch:csv_*")
			.with(AUDITOR)).andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/v1/audit/events").param("from", "2026-01-01")
			.param("to", "2026-03-31")
			.param("object", "batch:csvX*")
			.with(AUDITOR)).andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void badFiltersAreProblemDetailsInDutchOrEnglish() throws Exception {
		mvc.perform(get("/api/v1/audit/events").param("from", "28-11-2026").with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Filter niet bruikbaar"))
			.andExpect(jsonPath("$.detail").value(containsString("'28-11-2026' bij from is geen datum")))
			.andExpect(jsonPath("$.parameter").value("from"));
		mvc.perform(get("/api/v1/audit/events").param("to", "yesterday")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("'yesterday' in to is not a date")));
		mvc.perform(get("/api/v1/audit/events").param("from", "2026-11-28").param("to", "2026-11-01").with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("niet vóór het einde")));
		mvc.perform(get("/api/v1/audit/events").param("from", "2020-01-01").param("to", "2026-11-01").with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("langer dan 366 dagen")));
		mvc.perform(get("/api/v1/audit/events").param("format", "xlsx").with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("format"));
	}

	@Test
	void onlyTheAuditorSeesTheLog() throws Exception {
		mvc.perform(get("/api/v1/audit/events").with(POSTROOM)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/events").with(ANNA)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/events")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/audit/verify").with(SCREENER)).andExpect(status().isForbidden());
		mvc.perform(get("/audit")
			.with(user(PostbrugUser.staff("screener", "n/a", Set.of(Role.SCREENER), true, Set.of(), true))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
	}

	@Test
	void thePageShowsTheResultAndTheFilteredEventsInDutch() throws Exception {
		mvc.perform(get("/audit").param("from", "2026-01-01")
			.param("to", "2026-03-31")
			.param("action", "EXPORT_TEST")
			.with(user(AUDITOR_USER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"nl\"")))
			.andExpect(content().string(containsString("KETEN INTACT")))
			.andExpect(content().string(containsString("<label for=\"from\">")))
			.andExpect(content().string(containsString("<th scope=\"col\" class=\"num\">Nr.</th>")))
			.andExpect(content().string(containsString("3 gebeurtenissen")))
			.andExpect(content().string(containsString("=cmd|&#39; /C calc&#39;!A0")))
			.andExpect(content().string(containsString("geweigerd")))
			.andExpect(content().string(containsString("api 192.0.2.44")))
			.andExpect(content().string(not(containsString("PAGING_TEST"))))
			.andExpect(content().string(containsString(
					"href=\"/api/v1/audit/events?from=2026-01-01&amp;to=2026-03-31&amp;action=EXPORT_TEST&amp;format=csv\"")))
			.andExpect(content().string(not(containsString("<script"))));
	}

	@Test
	void thePageSpeaksEnglishWhenAskedTo() throws Exception {
		mvc.perform(get("/audit").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8").with(user(AUDITOR_USER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"en\"")))
			.andExpect(content().string(containsString("CHAIN INTACT")))
			.andExpect(content().string(containsString("Export as CSV")));
	}

	@Test
	void thePagePagesNewestFirst() throws Exception {
		String first = mvc.perform(get("/audit").param("action", "PAGING_TEST").with(user(AUDITOR_USER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pagina 1 van 2")))
			.andExpect(content().string(containsString("href=\"/audit?action=PAGING_TEST&amp;page=2\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(occurrences(first, "PAGING_TEST</code>")).isEqualTo(50);
		assertThat(first.indexOf(">batch:55<")).isLessThan(first.indexOf(">batch:54<"));
		String second = mvc
			.perform(get("/audit").param("action", "PAGING_TEST").param("page", "2").with(user(AUDITOR_USER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(occurrences(second, "PAGING_TEST</code>")).isEqualTo(5);
		assertThat(second).contains(">batch:1<").contains("Nieuwer");
	}

	@Test
	void aBadFilterOnThePageIsExplainedThere() throws Exception {
		mvc.perform(get("/audit").param("from", "gisteren").with(user(AUDITOR_USER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("&#39;gisteren&#39; bij from is geen datum")))
			.andExpect(content().string(containsString("KETEN INTACT")));
		mvc.perform(get("/audit").param("page", "0").with(user(AUDITOR_USER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("geen paginanummer")));
	}

	private String verify() throws Exception {
		return mvc.perform(get("/api/v1/audit/verify").with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
