package dev.taskapp.operator.parity;

import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who can open a connection to a tier's port: in Compose, the services sharing one of its networks
 * and, when it publishes a port, the host; in Kubernetes, the peers its NetworkPolicy admits
 * (a rule without "from" admits everyone, in and outside the cluster).
 */
final class Reachability {

  static final String OUTSIDE = "outside";

  private Reachability() {}

  static TreeSet<String> compose(ComposeFile compose, Tier to) {
    var from = new TreeSet<String>();
    var networks = compose.networks(to.component());
    for (var other : compose.services().keySet()) {
      if (!other.equals(to.component()) && compose.networks(other).stream().anyMatch(networks::contains)) {
        from.add(other);
      }
    }
    if (!compose.strings(to.component(), "ports").isEmpty()) {
      from.add(OUTSIDE);
    }
    return from;
  }

  static TreeSet<String> kubernetes(RenderedTaskApp rendered, Tier to) {
    var from = new TreeSet<String>();
    for (var rule : Optional.ofNullable(rendered.policy(to).getSpec().getIngress()).orElse(List.of())) {
      var ports = Optional.ofNullable(rule.getPorts()).orElse(List.of());
      if (!ports.isEmpty() && ports.stream().noneMatch(p -> new IntOrString(to.port()).equals(p.getPort()))) {
        continue;
      }
      var peers = Optional.ofNullable(rule.getFrom()).orElse(List.of());
      if (peers.isEmpty()) {
        from.addAll(everyoneBut(to));
      }
      for (var peer : peers) {
        from.addAll(admitted(rendered, peer, to));
      }
    }
    return from;
  }

  private static List<String> admitted(RenderedTaskApp rendered, NetworkPolicyPeer peer, Tier to) {
    var admitted = new ArrayList<String>();
    if (peer.getIpBlock() != null || peer.getNamespaceSelector() != null) {
      admitted.add(OUTSIDE);
    }
    if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
      var wanted = Optional.ofNullable(peer.getPodSelector().getMatchLabels()).orElse(java.util.Map.of());
      for (var tier : Tier.values()) {
        if (tier != to && rendered.podLabels(tier).entrySet().containsAll(wanted.entrySet())) {
          admitted.add(tier.component());
        }
      }
    }
    return admitted;
  }

  static TreeSet<String> everyoneBut(Tier to) {
    var all = new TreeSet<String>();
    for (var tier : Tier.values()) {
      if (tier != to) {
        all.add(tier.component());
      }
    }
    all.add(OUTSIDE);
    return all;
  }
}
