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

  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final Map<Integer, String> DECIMAL = Map.of(-9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G",
      12, "T", 15, "P", 18, "E");

  private Quantities() {}

  /**
   * The quantity as the API server prints it (resource.Quantity.String()): in the format it was
   * written in (binary, decimal or exponent), with the largest suffix that keeps the number whole
   * ("1000m" is "1", "1536Mi" stays, "1.5Gi" is "1536Mi", "0.5" is "500m"); binary below 1Ki or
   * not whole falls back to decimal. Below a nano it rounds up, as the API server does.
   */
  static String canonical(String text) throws Unparseable {
    var value = parse(text);
    var suffix = FORM.matcher(text).replaceAll("$2");
    if (value.signum() == 0) {
      return "0";
    }
    if (suffix.endsWith("i") && value.abs().compareTo(BigDecimal.valueOf(1024)) >= 0 && value.stripTrailingZeros().scale() <= 0) {
      var number = value.toBigIntegerExact();
      int power = 0;
      var step = java.math.BigInteger.valueOf(1024);
      while (power < BINARY.length - 1 && number.mod(step).signum() == 0) {
        number = number.divide(step);
        power++;
      }
      return number + BINARY[power];
    }
    var nanos = value.setScale(9, java.math.RoundingMode.UP);
    int exponent = 18;
    while (exponent > -9 && nanos.scaleByPowerOfTen(-exponent).stripTrailingZeros().scale() > 0) {
      exponent -= 3;
    }
    var mantissa = nanos.scaleByPowerOfTen(-exponent).stripTrailingZeros().toPlainString();
    boolean exponentForm = suffix.startsWith("e") || suffix.startsWith("E");
    return mantissa + (exponentForm ? (exponent == 0 ? "" : "e" + exponent) : DECIMAL.get(exponent));
  }

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
