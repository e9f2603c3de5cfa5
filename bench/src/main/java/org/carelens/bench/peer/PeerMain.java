package org.carelens.bench.peer;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one peer in its own JVM, as the bench starts it: {@code PeerMain camel|sequential --port N
 * --source id=url ...} ({@link PeerConfig#parse}). Serves until the process is stopped.
 */
public final class PeerMain {

  private PeerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: PeerMain camel|sequential [options]");
    }
    PeerConfig config = PeerConfig.parse(List.of(Arrays.copyOfRange(args, 1, args.length)));
    Peer peer =
        switch (args[0]) {
          case "camel" -> CamelPeer.start(config);
          case "sequential" -> SequentialPeer.start(config);
          default -> throw new IllegalArgumentException("no peer '" + args[0] + "'");
        };
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  peer.close();
                  stopped.countDown();
                }));
    System.out.println(args[0] + " peer serving on " + peer.baseUrl());
    stopped.await();
  }
}
