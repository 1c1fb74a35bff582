package dev.tokendoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** results.csv cells: quoted by the CSV writer where needed, one line per row, never a spreadsheet formula. */
class RowCsvTest {
  @Test
  void cellsAreQuotedOnlyWhereNeeded() {
    assertThat(Row.csvLine(List.of("T-1", "a, b", "say \"hi\"", "", "plain words"))).isEqualTo("T-1,\"a, b\",\"say \"\"hi\"\"\",,plain words");
  }

  @Test
  void aRowIsOneLineAndNeverAFormula() {
    assertThat(Row.csvLine(Arrays.asList("two\nlines\r\n\tand a tab", "=SUM(A1)", "-1", "@x", null)))
        .isEqualTo("two lines and a tab,'=SUM(A1),'-1,'@x,");
  }

  @Test
  void aMetadataColumnNamedLikeAFixedOneIsRenamed() {
    assertThat(Row.csvHeader(List.of("Status", "product"))).isEqualTo(Row.CSV_HEADER + ",ticket_Status,product");
    assertThat(Row.csvHeader(List.of())).isEqualTo(Row.CSV_HEADER + ",meta");
  }
}
