package dev.taskapp.operator.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variable forms Compose resolves, as ParityTest needs them resolved. */
class ComposeInterpolationTest {

  static final Map<String, String> ENV = Map.of("SET", "value", "EMPTY", "");

  @Test
  void resolvesTheComposeForms() {
    assertThat(ComposeFile.interpolate("${SET}/$SET/${UNSET}", ENV)).isEqualTo("value/value/");
    assertThat(ComposeFile.interpolate("${UNSET:-d} ${EMPTY:-d} ${SET:-d}", ENV)).isEqualTo("d d value");
    assertThat(ComposeFile.interpolate("${UNSET-d} ${EMPTY-d}", ENV)).isEqualTo("d ");
    assertThat(ComposeFile.interpolate("$${SET} $$SET", ENV)).isEqualTo("${SET} $SET");
    assertThat(ComposeFile.interpolate("${SET:?needed}", ENV)).isEqualTo("value");
  }

  @Test
  void refusesAMissingRequiredVariable() {
    assertThatThrownBy(() -> ComposeFile.interpolate("${EMPTY:?is required}", ENV)).hasMessageContaining("EMPTY");
    assertThatThrownBy(() -> ComposeFile.interpolate("${UNSET?is required}", ENV)).hasMessageContaining("UNSET");
  }

  @Test
  void readsAnEnvFileAndDurations() {
    assertThat(ComposeFile.env(List.of("# comment", "", "A=1", " B = two words ", "C="))).containsExactly(
        Map.entry("A", "1"), Map.entry("B", "two words"), Map.entry("C", ""));
    assertThat(ComposeFile.seconds("1m30s")).isEqualTo(90);
    assertThat(ComposeFile.seconds("500ms")).isEqualTo(0.5);
  }
}
