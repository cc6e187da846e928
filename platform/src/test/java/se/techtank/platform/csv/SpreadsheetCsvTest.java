package se.techtank.platform.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTest {

    @Test
    void a_document_is_bom_header_and_crlf_rows_with_empty_nulls() {
        String csv = SpreadsheetCsv.withHeader("a", "b").row("1", null).toString();
        assertThat(csv).isEqualTo("\uFEFFa;b\r\n1;\r\n");
    }

    @Test
    void separators_quotes_and_line_breaks_are_quoted() {
        assertThat(SpreadsheetCsv.field("Berg; Anna")).isEqualTo("\"Berg; Anna\"");
        assertThat(SpreadsheetCsv.field("\"AB\"")).isEqualTo("\"\"\"AB\"\"\"");
        assertThat(SpreadsheetCsv.field("rad1\nrad2")).isEqualTo("\"rad1\nrad2\"");
        assertThat(SpreadsheetCsv.field("Verkstad AB")).isEqualTo("Verkstad AB");
    }

    @Test
    void values_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        assertThat(SpreadsheetCsv.field("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
        assertThat(SpreadsheetCsv.field("+46 70")).isEqualTo("'+46 70");
        assertThat(SpreadsheetCsv.field("-1")).isEqualTo("'-1");
        assertThat(SpreadsheetCsv.field("@sum")).isEqualTo("'@sum");
    }
}
