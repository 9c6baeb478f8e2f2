package dev.taskapp.operator.it;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Kubernetes quantity grammar (k8s.io/apimachinery resource.Quantity): a decimal number and a
 * binary (Ki..Ei), decimal (n, u, m, "", k, M..E) or exponent (e3, E-2) suffix. A value outside it
 * never reaches validation on a real server: decoding the object fails (400).
 */
final class Quantities {

  /** The decoder's own words when the grammar does not match. */
  static final String GRAMMAR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  static final class Unparseable extends Exception {
    Unparseable(String message) {
      super(message);
    }
  }

  private static final Pattern FORM = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")), Map.entry("m", new BigDecimal("1e-3")),
      Map.entry("k", new BigDecimal("1e3")), Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")), Map.entry("E", new BigDecimal("1e18")),
      Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
      Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
      Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantities() {}

  static BigDecimal parse(String text) throws Unparseable {
    var m = FORM.matcher(text);
    if (!m.matches()) {
      throw new Unparseable(GRAMMAR);
    }
    BigDecimal number;
    try {
      number = new BigDecimal(m.group(1));
    } catch (NumberFormatException e) {
      throw new Unparseable(GRAMMAR); // "1.2.3"
    }
    var suffix = m.group(2);
    if (SUFFIXES.containsKey(suffix)) {
      return number.multiply(SUFFIXES.get(suffix));
    }
    if (suffix.matches("[eE][-+]?[0-9]+")) {
      return number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1).replace("+", "")));
    }
    throw new Unparseable("unable to parse quantity's suffix");
  }
}
