package nl.postbrug.audit.web;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTests {

	@Test
	void plainCellsStayAsTheyAreAndRecordsEndInCrLf() {
		assertThat(CsvCells.record(Arrays.asList("1", "screener", null, ""))).isEqualTo("1,screener,,\r\n");
	}

	@Test
	void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
		assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(CsvCells.cell("cr\r\nlf")).isEqualTo("\"cr\r\nlf\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tstart", "\rstart" })
	void cellsASpreadsheetWouldRunAsAFormulaGetALeadingApostrophe(String value) {
		String cell = CsvCells.cell(value);
		String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
		assertThat(unquoted).isEqualTo("'" + value);
	}

	@Test
	void aCellAlreadyStartingWithAnApostropheGetsOneMoreSoTheRuleCanBeUndone() {
		assertThat(CsvCells.cell("'quoted")).isEqualTo("''quoted");
		assertThat(CsvCells.cell("a-b=c")).isEqualTo("a-b=c");
	}

}
