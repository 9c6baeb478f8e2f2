package dev.taskapp.operator.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed docs/PARITY.md must be what ParityReport generates today. */
class ParityReportTest {

  static final Path REPORT = Path.of("../docs/PARITY.md");

  @Test
  void committedReportIsFresh() throws Exception {
    var fresh = ParityReport.markdown(ParityInputs.load().table().rows());
    if (Boolean.getBoolean("parity.refresh")) {
      Files.createDirectories(REPORT.getParent());
      Files.writeString(REPORT, fresh);
    }
    assertThat(REPORT).as("docs/PARITY.md is missing; create it with: %s", ParityReport.REFRESH).exists();
    assertThat(Files.readString(REPORT)).as("docs/PARITY.md is stale; refresh it with: %s", ParityReport.REFRESH)
        .isEqualTo(fresh);
  }
}
