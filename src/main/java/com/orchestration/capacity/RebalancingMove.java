package com.orchestration.capacity;

import com.orchestration.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One task moving from one IC to another (SPEC §8.5). Written and read one per line, the format the DL sees and
 * edits in Tasklist: {@code TT1.2 (INS-20261124-001) alice → lena: reason} ({@code ->} works as well as {@code →};
 * the reason is optional when a DL writes a line).
 *
 * @param hours the hours the move takes off the source IC's horizon (calibrated); 0 when written by hand
 */
record RebalancingMove(String instructionKey, String taskKey, String from, String to, double hours, String reason) {

  static final String LINE_FORMAT = "TT1.2 (INS-20261124-001) alice → lena: reason";

  private static final Pattern LINE = Pattern.compile(
      "^\\s*(?<task>[A-Za-z]+[0-9][0-9.]*)\\s*\\(\\s*(?<instruction>INS-[0-9]{8}-[0-9]+)\\s*\\)\\s+"
          + "(?<from>[A-Za-z0-9._-]+)\\s*(?:→|->)\\s*(?<to>[A-Za-z0-9._-]+)\\s*(?::\\s*(?<reason>.*))?$");

  String line() {
    return taskKey + " (" + instructionKey + ") " + from + " → " + to
        + (reason == null || reason.isBlank() ? "" : ": " + reason);
  }

  String qualifiedKey() {
    return instructionKey + "/" + taskKey;
  }

  static String lines(List<RebalancingMove> moves) {
    return String.join("\n", moves.stream().map(RebalancingMove::line).toList());
  }

  /**
   * Parses a DL's lines; blank lines and lines starting with {@code #} are skipped. A malformed line is refused with
   * its number and the expected format, naming {@code field}.
   */
  static List<Numbered> parse(String text, String field) {
    List<Numbered> moves = new ArrayList<>();
    if (text == null) {
      return moves;
    }
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i).strip();
      if (raw.isEmpty() || raw.startsWith("#")) {
        continue;
      }
      // A Markdown list copied from the proposal is fine too.
      String line = raw.replaceFirst("^[-*]\\s+", "");
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new InvalidInputException(field, "Line " + (i + 1) + " ('" + raw + "') is not a move; write one move "
            + "per line as '" + LINE_FORMAT + "'");
      }
      String reason = m.group("reason") == null ? null : m.group("reason").strip();
      if (reason != null && reason.length() > 500) {
        throw new InvalidInputException(field, "Line " + (i + 1) + ": the reason is limited to 500 characters");
      }
      moves.add(new Numbered(i + 1, raw, new RebalancingMove(m.group("instruction"), m.group("task"),
          m.group("from"), m.group("to"), 0, reason == null || reason.isEmpty() ? null : reason)));
    }
    return moves;
  }

  /** A parsed move with its line number and text, for error messages that name the line. */
  record Numbered(int number, String text, RebalancingMove move) {

    String label() {
      return "Line " + number + " (" + text + ")";
    }
  }
}
