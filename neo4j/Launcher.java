import java.io.IOException;

/**
 * Starts Neo4j Community and ties its life to the Node process that launched it.
 *
 * Node keeps this process's standard input open as a pipe. When the parent goes away, however
 * it goes (Ctrl-C, SIGTERM, a crash, SIGKILL), the pipe closes, read() returns -1 and we call
 * System.exit, which runs Neo4j's shutdown hook: the store is closed and its lock released, so
 * no orphan JVM is left holding it.
 */
public final class Launcher {
  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nothing is ever sent; we only wait for end of input.
        }
      } catch (IOException ignored) {
        // A broken pipe means the parent is gone too.
      }
      System.exit(0);
    }, "lantern-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    org.neo4j.server.CommunityEntryPoint.main(args);
  }
}
