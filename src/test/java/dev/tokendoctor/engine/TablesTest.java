package dev.tokendoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendoctor.facts.Setting;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables are read as CSV (jackson-dataformat-csv), one row a line; a row that does not read is named by file:line. */
class TablesTest {
  private static SourceFile settings(String text) {
    return new SourceFile("tables/settings.csv", "rules/tables/settings.csv", text);
  }

  @Test
  void quotesProtectCommasAndADoubledQuoteIsAQuote() {
    assertThat(Tables.splitCsv("a, \"b, c\" ,\"say \"\"hi\"\"\",")).containsExactly("a", "b, c", "say \"hi\"", "");
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndCellsTrimmed() {
    List<RuleProblem> problems = new ArrayList<>();
    List<Object> rows = Tables.load(List.of(settings("""
        # a comment, with a comma
        name,value,unit,meaning

          # an indented comment
        clock-skew-tolerance , 300 , s , "How far the clock may be off, in seconds"
        """)), problems);
    assertThat(problems).isEmpty();
    assertThat(rows).containsExactly(new Setting("clock-skew-tolerance", 300, "s", "How far the clock may be off, in seconds"));
  }

  @Test
  void aRowThatDoesNotReadIsNamedByItsLine() {
    List<RuleProblem> problems = new ArrayList<>();
    List<Object> rows = Tables.load(List.of(settings("""
        name,value,unit,meaning
        open-quote,1,s,"never closed
        not-a-number,ten,s,words
        fine,2,s,words
        """)), problems);
    assertThat(problems).extracting(RuleProblem::format).containsExactly(
        "rules/tables/settings.csv:2: error: not a CSV line: a double quote is opened and not closed (write a quote inside a quoted cell as \"\")",
        "rules/tables/settings.csv:3: error: column 'value': expected a whole number, got 'ten'");
    assertThat(rows).containsExactly(new Setting("fine", 2, "s", "words"));
    assertThatThrownBy(() -> Tables.splitCsv("\"open")).isInstanceOf(IllegalArgumentException.class);
  }
}
