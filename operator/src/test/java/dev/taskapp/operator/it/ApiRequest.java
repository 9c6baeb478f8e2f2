package dev.taskapp.operator.it;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request as the API server's authorizer sees it: who asks, which verb, on which resource
 * (group, resource, subresource), in which namespace, for which name.
 *
 * @param user the user of the bearer token ({@link MockCluster#OPERATOR_USER} or {@link MockCluster#ADMIN_USER})
 * @param verb get, list, watch, create, update, patch, delete or deletecollection
 * @param group "" for the core group
 * @param namespace null for a cluster-scoped resource, or a request across all namespaces; a Namespace's own name
 *     for a Namespace, as the API server sees it
 * @param name null for a collection
 * @param subresource null unless the path names one (status, finalizers, ...)
 */
public record ApiRequest(String user, String verb, String group, String version, String resource,
    String subresource, String namespace, String name, Map<String, String> query, RecordedRequest raw) {

  /** Parses /api/v1/... and /apis/GROUP/VERSION/... paths; null for anything else (discovery, /version). */
  static ApiRequest of(RecordedRequest request) {
    var full = request.getPath();
    int q = full.indexOf('?');
    var path = q < 0 ? full : full.substring(0, q);
    var query = query(q < 0 ? "" : full.substring(q + 1));
    var parts = path.replaceAll("^/+", "").split("/");
    String group;
    int i;
    if (parts.length >= 2 && parts[0].equals("api")) {
      group = "";
      i = 2;
    } else if (parts.length >= 3 && parts[0].equals("apis")) {
      group = parts[1];
      i = 3;
    } else {
      return null;
    }
    var version = parts[i - 1];
    String namespace = null;
    // /namespaces/NAME/status and /finalize are a Namespace's subresources, not resources in it
    boolean namespaceSubresource = parts.length == i + 3 && parts[i].equals("namespaces")
        && (parts[i + 2].equals("status") || parts[i + 2].equals("finalize"));
    if (parts.length > i + 2 && parts[i].equals("namespaces") && !namespaceSubresource) {
      namespace = parts[i + 1];
      i += 2;
    }
    if (parts.length <= i) {
      return null; // the group's resource list (discovery)
    }
    var resource = parts[i];
    var name = parts.length > i + 1 ? parts[i + 1] : null;
    var subresource = parts.length > i + 2 ? parts[i + 2] : null;
    if (resource.equals("namespaces") && name != null) {
      namespace = name; // the API server authorizes a Namespace (and its status, finalize) as living in itself
    }
    return new ApiRequest(user(request), verb(request.getMethod(), name, query), group, version, resource,
        subresource, namespace, name, query, request);
  }

  private static String verb(String method, String name, Map<String, String> query) {
    return switch (method) {
      case "GET" -> name != null ? "get" : "true".equals(query.get("watch")) ? "watch" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> name != null ? "delete" : "deletecollection";
      default -> method.toLowerCase();
    };
  }

  private static String user(RecordedRequest request) {
    var authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return MockCluster.ADMIN_USER; // no token: the dispatcher's own look-ups, not a client's request
    }
    return MockCluster.userOfToken(authorization.substring("Bearer ".length()).trim());
  }

  private static Map<String, String> query(String query) {
    var values = new HashMap<String, String>();
    for (var pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  /** The resource as RBAC rules name it: "pods" or "pods/status". */
  public String rbacResource() {
    return subresource == null ? resource : resource + "/" + subresource;
  }

  /**
   * The name the API server's authorizer sees: the path's, or for a list or watch the one a
   * {@code fieldSelector=metadata.name=NAME} pins it to (which is how a rule with resourceNames can
   * grant a list or watch of one object); null for a create or a collection.
   */
  public String rbacName() {
    if (name != null || !(verb.equals("list") || verb.equals("watch"))) {
      return name;
    }
    for (var term : query.getOrDefault("fieldSelector", "").split(",")) {
      var exact = term.startsWith("metadata.name==") ? term.substring("metadata.name==".length())
          : term.startsWith("metadata.name=") ? term.substring("metadata.name=".length()) : null;
      if (exact != null && !exact.isEmpty()) {
        return exact;
      }
    }
    return null;
  }

  public boolean isWrite() {
    return switch (verb) {
      case "create", "update", "patch", "delete", "deletecollection" -> true;
      default -> false;
    };
  }

  /** The request body as text (read without consuming it, so the CRUD dispatcher still sees it). */
  public String body() {
    return new String(raw.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  public String contentType() {
    return raw.getHeader("Content-Type");
  }
}
