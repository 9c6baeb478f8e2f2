package dev.taskapp.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

  @Test
  void theLongestNameIsWhatTheChildrensNamesAllow() {
    // MAX_NAME_LENGTH is a compile-time constant (the CRD's CEL rule is built from it): it must follow the suffixes.
    assertThat(ResourceNames.MAX_NAME_LENGTH).isEqualTo(ResourceNames.longestValidName());
    assertThat(ResourceNames.STATEFULSET_NAME_MAX).isEqualTo(52);
  }
}
