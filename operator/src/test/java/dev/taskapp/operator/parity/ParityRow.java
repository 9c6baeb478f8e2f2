package dev.taskapp.operator.parity;

/**
 * One line of the parity table: a key of docker-compose.yml, what it becomes in Kubernetes, and
 * whether the two agree.
 *
 * @param check how ParityTest compares the values ("equal", "fits", "subset"), or null when the
 *     values differ by design (the reason in {@code note})
 * @param agrees the outcome of the check (always true when nothing is checked)
 */
record ParityRow(String composeKey, String composeValue, String kubernetesField, String kubernetesValue,
    Parity parity, String check, boolean agrees, String note) {

  enum Parity {
    MAPPED("mapped"), APPROXIMATED("approximated"), NOT_APPLICABLE("not applicable");

    final String label;

    Parity(String label) {
      this.label = label;
    }
  }

  /** The same meaning on both sides, checked for equality. */
  static ParityRow mapped(String key, Object compose, String field, Object kubernetes, String note) {
    var c = String.valueOf(compose);
    var k = String.valueOf(kubernetes);
    return new ParityRow(key, c, field, k, Parity.MAPPED, "equal", c.equals(k), note);
  }

  /** The same intent, checked by a relation other than equality. */
  static ParityRow related(String key, Object compose, String field, Object kubernetes, Parity parity,
      String check, boolean holds, String note) {
    return new ParityRow(key, String.valueOf(compose), field, String.valueOf(kubernetes), parity, check, holds, note);
  }

  /** A deliberate difference, with the reason. */
  static ParityRow approximated(String key, Object compose, String field, Object kubernetes, String why) {
    return new ParityRow(key, String.valueOf(compose), field, String.valueOf(kubernetes), Parity.APPROXIMATED, null, true, why);
  }

  static ParityRow notApplicable(String key, Object compose, String why) {
    return new ParityRow(key, String.valueOf(compose), "—", "—", Parity.NOT_APPLICABLE, null, true, why);
  }

  /** The failure message: the key and both values. */
  String mismatch() {
    return composeKey + ": Compose has [" + composeValue + "] but Kubernetes (" + kubernetesField + ") has ["
        + kubernetesValue + "]; expected " + check + (note.isEmpty() ? "" : " — " + note);
  }
}
