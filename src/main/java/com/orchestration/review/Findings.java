package com.orchestration.review;

import com.orchestration.lifecycle.FormInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Review findings as reviewers type them, one per line: {@code SEVERITY: text} with SEVERITY one of CRITICAL, HIGH,
 * MEDIUM, LOW (SPEC §7). A bad line is refused with its number, so the form says exactly what to fix.
 */
public final class Findings {

  public enum Severity { CRITICAL, HIGH, MEDIUM, LOW }

  public record Finding(Severity severity, String text) {}

  private Findings() {}

  public static List<Finding> parse(String field, String text) {
    List<Finding> findings = new ArrayList<>();
    if (text == null) {
      return findings;
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      Severity severity = null;
      if (colon > 0) {
        try {
          severity = Severity.valueOf(line.substring(0, colon).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          severity = null;
        }
      }
      if (severity == null || line.substring(colon + 1).isBlank()) {
        throw new FormInputException(field, "Line " + (i + 1) + " of the findings is '" + line
            + "'; write one finding per line as SEVERITY: text, with SEVERITY one of CRITICAL, HIGH, MEDIUM, LOW");
      }
      findings.add(new Finding(severity, line.substring(colon + 1).strip()));
    }
    return findings;
  }
}
