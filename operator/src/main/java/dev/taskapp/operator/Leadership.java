package dev.taskapp.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica holds the Lease, and what happens when it loses it. JOSDK 5.2.3 with
 * exit-on-loss off keeps reconciling after the Lease is gone (two active operators), and fabric8's
 * elector never tries again: a lost Lease is lost for this process. So a loss is acted on here,
 * exit-on-loss or not: the process exits, or stops reconciling and fails /healthz for the kubelet to
 * restart it. A stop of our own ({@link #stepDown}) is no loss: it hands the Lease over at once.
 */
public final class Leadership {

  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  enum State { STANDING_BY, LEADING, LOST }

  private final String identity;
  private volatile State state = State.STANDING_BY;
  private volatile boolean steppingDown;
  private volatile Runnable onLoss = () -> {};

  public Leadership(String identity) {
    this.identity = identity;
  }

  String identity() {
    return identity;
  }

  /** For JOSDK's leader election; ours run before JOSDK starts (or would stop) event processing. */
  LeaderCallbacks callbacks() {
    return new LeaderCallbacks(() -> {
      state = State.LEADING;
      LOG.info("{} leads: reconciling", identity);
    }, this::stopped, leader -> LOG.info("Leader: {}", leader));
  }

  void whenLost(Runnable action) {
    this.onLoss = action;
  }

  private void stopped() {
    if (steppingDown || state != State.LEADING) {
      return;
    }
    state = State.LOST;
    LOG.error("{} lost the Lease (not renewed within the deadline, or taken over): no more reconciling", identity);
    onLoss.run();
  }

  public boolean leading() {
    return state == State.LEADING;
  }

  /** The Lease was held and lost; fabric8's elector does not run again in this process. */
  public boolean lost() {
    return state == State.LOST;
  }

  /** The operator is stopping by itself: what follows is not a loss. */
  void stepDown() {
    steppingDown = true;
  }

  /**
   * Once reconciling has stopped, empties the Lease we hold (as client-go's ReleaseOnCancel does,
   * which JOSDK leaves off), so a standby takes over after its next retry instead of the whole
   * Lease duration. Best effort: if it fails, the Lease simply expires.
   */
  void release(KubernetesClient client, String namespace, String name) {
    if (state != State.LEADING) {
      return;
    }
    state = State.STANDING_BY; // once: a second stop has nothing to hand over
    try {
      var lease = client.leases().inNamespace(namespace).withName(name).get();
      if (lease != null && lease.getSpec() != null && identity.equals(lease.getSpec().getHolderIdentity())) {
        lease.getSpec().setHolderIdentity(null);
        lease.getSpec().setLeaseDurationSeconds(1);
        client.resource(lease).update();
        LOG.info("{} released the Lease", identity);
      }
    } catch (KubernetesClientException | IllegalStateException e) { // refused, or the client is closed already
      LOG.warn("Could not release the Lease {}/{}; it expires by itself: {}", namespace, name, e.getMessage());
    }
  }
}
