package dev.taskapp.operator.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The string formats of k8s.io/apimachinery/pkg/util/validation, each returning the API server's own
 * messages (none when the value is valid). Kubernetes 1.31 rules (the project's k3s is v1.31.4).
 */
final class NameRules {

  private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
  private static final String DNS1035_LABEL = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String QUALIFIED_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String LABEL_VALUE = "(" + QUALIFIED_NAME + ")?";
  /** The long-standing rule; 1.32 relaxed it (RelaxedEnvironmentVariableValidation, beta) to printable ASCII but '='. */
  private static final String ENV_VAR_NAME = "[-._a-zA-Z][-._a-zA-Z0-9]*";
  private static final String CONFIG_KEY = "[-._a-zA-Z0-9]+";

  private NameRules() {}

  static List<String> dns1123Subdomain(String value) {
    var errors = new ArrayList<String>();
    if (value.length() > 253) {
      errors.add(maxLength(253));
    }
    if (!value.matches(DNS1123_SUBDOMAIN)) {
      errors.add(regex("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
          + "and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN, "example.com"));
    }
    return errors;
  }

  static List<String> dns1123Label(String value) {
    var errors = new ArrayList<String>();
    if (value.length() > 63) {
      errors.add(maxLength(63));
    }
    if (!value.matches(DNS1123_LABEL)) {
      errors.add(regex("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
          + "and must start and end with an alphanumeric character", DNS1123_LABEL, "my-name", "123-abc"));
    }
    return errors;
  }

  static List<String> dns1035Label(String value) {
    var errors = new ArrayList<String>();
    if (value.length() > 63) {
      errors.add(maxLength(63));
    }
    if (!value.matches(DNS1035_LABEL)) {
      errors.add(regex("a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
          + "start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL, "my-name", "abc-123"));
    }
    return errors;
  }

  /** A label or annotation key: an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters. */
  static List<String> qualifiedName(String value) {
    var errors = new ArrayList<String>();
    var parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      name = parts[1];
      if (parts[0].isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        dns1123Subdomain(parts[0]).forEach(m -> errors.add("prefix part " + m));
      }
    } else {
      return List.of("a qualified name " + regex(QUALIFIED_NAME_WORDS, QUALIFIED_NAME, "MyName", "my.name", "123-abc")
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errors.add("name part " + maxLength(63));
    }
    if (!name.matches(QUALIFIED_NAME)) {
      errors.add("name part " + regex(QUALIFIED_NAME_WORDS, QUALIFIED_NAME, "MyName", "my.name", "123-abc"));
    }
    return errors;
  }

  private static final String QUALIFIED_NAME_WORDS =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

  static List<String> labelValue(String value) {
    var errors = new ArrayList<String>();
    if (value.length() > 63) {
      errors.add(maxLength(63));
    }
    if (!value.matches(LABEL_VALUE)) {
      errors.add(regex("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
          + "and must start and end with an alphanumeric character", LABEL_VALUE, "MyValue", "my_value", "12345"));
    }
    return errors;
  }

  /** IANA_SVC_NAME: a named container port, or a Service's or NetworkPolicy's port given by name. */
  static List<String> portName(String value) {
    var errors = new ArrayList<String>();
    if (value.length() > 15) {
      errors.add(maxLength(15));
    }
    if (!value.matches("[-a-z0-9]+")) {
      errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!Pattern.compile("[a-z]").matcher(value).find()) {
      errors.add("must contain at least one letter (a-z)");
    }
    if (value.contains("--")) {
      errors.add("must not contain consecutive hyphens");
    }
    if (!value.isEmpty() && (value.startsWith("-") || value.endsWith("-"))) {
      errors.add("must not begin or end with a hyphen");
    }
    return errors;
  }

  static List<String> portNumber(long port) {
    return port >= 1 && port <= 65535 ? List.of() : List.of("must be between 1 and 65535, inclusive");
  }

  static List<String> envVarName(String value) {
    return value.matches(ENV_VAR_NAME) ? List.of()
        : List.of(regex("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', "
            + "and must not start with a digit", ENV_VAR_NAME, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
  }

  /** A key of a Secret's or ConfigMap's data (it becomes a file name when mounted). */
  static List<String> configMapKey(String value) {
    var errors = new ArrayList<String>();
    if (value.length() > 253) {
      errors.add(maxLength(253));
    }
    if (!value.matches(CONFIG_KEY)) {
      errors.add(regex("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY,
          "key.name", "KEY_NAME", "key-name"));
    }
    if (value.equals(".")) {
      errors.add("must not be '.'");
    } else if (value.equals("..")) {
      errors.add("must not be '..'");
    } else if (value.startsWith("..")) {
      errors.add("must not start with '..'");
    }
    return errors;
  }

  static String maxLength(int length) {
    return "must be no more than " + length + " characters";
  }

  /** validation.RegexError, examples included, spacing as the API server has it. */
  private static String regex(String words, String format, String... examples) {
    var text = new StringBuilder(words).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      text.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return text.append("regex used for validation is '").append(format).append("')").toString();
  }
}
