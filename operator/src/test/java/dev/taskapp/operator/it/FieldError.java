package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the API server's field.ErrorList: the field path, the error type and its detail,
 * printed as field.Error prints itself ("spec.ports[0].name: Invalid value: \"x\": why").
 */
record FieldError(Type type, String field, Object value, String detail) {

  enum Type {
    INVALID("FieldValueInvalid", "Invalid value"),
    REQUIRED("FieldValueRequired", "Required value"),
    DUPLICATE("FieldValueDuplicate", "Duplicate value"),
    NOT_FOUND("FieldValueNotFound", "Not found"),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
    FORBIDDEN("FieldValueForbidden", "Forbidden"),
    TOO_LONG("FieldValueTooLong", "Too long");

    final String reason;
    final String words;

    Type(String reason, String words) {
      this.reason = reason;
      this.words = words;
    }
  }

  static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(Type.INVALID, field, value, detail);
  }

  static FieldError required(String field, String detail) {
    return new FieldError(Type.REQUIRED, field, null, detail);
  }

  static FieldError duplicate(String field, Object value) {
    return new FieldError(Type.DUPLICATE, field, value, "");
  }

  static FieldError notFound(String field, Object value) {
    return new FieldError(Type.NOT_FOUND, field, value, "");
  }

  static FieldError forbidden(String field, String detail) {
    return new FieldError(Type.FORBIDDEN, field, null, detail);
  }

  /** field.Error.ErrorBody(): the type, the value for those that show one (strings quoted), the detail. */
  String body() {
    var text = type.words;
    if (type != Type.REQUIRED && type != Type.FORBIDDEN && type != Type.TOO_LONG) {
      text += ": " + shown(value);
    }
    return detail == null || detail.isEmpty() ? text : text + ": " + detail;
  }

  private static String shown(Object value) {
    if (value instanceof JsonNode node) {
      value = node.isTextual() ? node.asText() : node.isNumber() ? node.numberValue() : node.toString();
    }
    if (value instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return value == null ? "null" : value.toString();
  }

  @Override
  public String toString() {
    return field + ": " + body();
  }
}
