package com.orchestration.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Two application processes on one fresh PostgreSQL database, shared by every integration test class of the run
 * (started once, by the first class that asks; stopped and the database dropped when the run ends — or by a JVM
 * shutdown hook if it ends abnormally). Node A starts alone on the empty database (it creates the Camunda schema
 * and synchronises the organisation), node B joins it, as docs/operations.md prescribes for a new cluster.
 */
final class TwoNodeCluster implements ExtensionContext.Store.CloseableResource {

  /** Start-up allowance per node; a node starts in ~25 s on a quiet 2-core machine. */
  static final Duration START = Duration.ofSeconds(150);

  final FreshPostgresDatabase db;
  final ClusterNode a;
  final ClusterNode b;
  private final Thread shutdownHook;

  private TwoNodeCluster() {
    db = FreshPostgresDatabase.create("cluster");
    a = new ClusterNode("node-a", db);
    b = new ClusterNode("node-b", db);
    shutdownHook = new Thread(() -> {
      stopAll();
      db.close();
    }, "cluster-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static TwoNodeCluster start() {
    TwoNodeCluster cluster = new TwoNodeCluster();
    try {
      cluster.a.start();
      cluster.a.awaitHealthy(START);
      cluster.b.start();
      cluster.b.awaitHealthy(START);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  List<ClusterNode> nodes() {
    return List.of(a, b);
  }

  /** Both nodes up (a test that killed one restarts it; this also repairs a run where it could not). */
  void ensureBothHealthy() {
    for (ClusterNode node : nodes()) {
      if (!node.alive()) {
        node.start();
        node.awaitHealthy(START);
      }
    }
  }

  private void stopAll() {
    CompletableFuture.allOf(nodes().stream().map(n -> CompletableFuture.runAsync(n::stop))
        .toArray(CompletableFuture[]::new)).join();
  }

  @Override
  public void close() {
    try {
      stopAll();
      db.close();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }

  /** Resolves a {@link TwoNodeCluster} parameter (e.g. of a static {@code @BeforeAll}) to the run's cluster. */
  static final class Extension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == TwoNodeCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      TwoNodeCluster cluster = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(TwoNodeCluster.class, k -> start(), TwoNodeCluster.class);
      cluster.ensureBothHealthy();
      return cluster;
    }
  }
}
