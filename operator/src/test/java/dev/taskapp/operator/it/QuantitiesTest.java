package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The quantity grammar and the canonical form the API server prints quantities in. */
class QuantitiesTest {

  @ParameterizedTest
  @CsvSource({"1000m,1", "1500m,1500m", "0.5,500m", "2,2", "1000,1k", "1024,1024", "256Mi,256Mi", "1.5Gi,1536Mi",
      "1Gi,1Gi", "1024Mi,1Gi", "512,512", "1e3,1e3", "100n,100n", "0.1n,1n"})
  void quantitiesArePrintedInTheApiServersCanonicalForm(String written, String canonical) throws Exception {
    assertThat(Quantities.canonical(written)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lots", "1.2.3", "1 Gi", "1gi"})
  void aQuantityOutsideTheGrammarDoesNotParse(String written) {
    assertThatThrownBy(() -> Quantities.parse(written)).isInstanceOf(Quantities.Unparseable.class);
  }
}
