package com.orchestration.platform;

/** Text helpers shared by the capabilities. */
public final class Texts {

  private Texts() {}

  /**
   * {@code text} in at most {@code max} characters: as it is when it fits, else its start and "…" (a column or a
   * message with a limit). Null stays null.
   */
  public static String abbreviate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
