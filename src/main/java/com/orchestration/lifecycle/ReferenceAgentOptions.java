package com.orchestration.lifecycle;

/**
 * Command line of {@link ReferenceAgentWorker}: {@code --url <engine-rest> --user <agent> --password <pw> [--once]}.
 */
record ReferenceAgentOptions(String url, String user, String password, boolean once) {

  static final String USAGE = "usage: ReferenceAgentWorker --url http://localhost:8080/engine-rest "
      + "--user bot-backend-1 --password demo [--once]";

  static ReferenceAgentOptions parse(String... args) {
    String url = null;
    String user = null;
    String password = null;
    boolean once = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = value(args, ++i, "--url");
        case "--user" -> user = value(args, ++i, "--user");
        case "--password" -> password = value(args, ++i, "--password");
        case "--once" -> once = true;
        default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'");
      }
    }
    if (url == null || user == null || password == null) {
      throw new IllegalArgumentException("--url, --user and --password are required");
    }
    return new ReferenceAgentOptions(url.replaceAll("/+$", ""), user, password, once);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }
}
