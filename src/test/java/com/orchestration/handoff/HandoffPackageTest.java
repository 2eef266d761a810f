package com.orchestration.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The package check's rules without the engine: one line per problem, in a form the preparer can act on. */
class HandoffPackageTest {

  static final List<ChecklistItem> GENERAL = List.of(new ChecklistItem("Summary", true, false),
      new ChecklistItem("Artifacts listed", true, false), new ChecklistItem("Known issues", false, false),
      new ChecklistItem("Contact", true, false));
  static final String GOOD_ARTIFACT = "order-history.tsx | code | https://git.example/web/pull/42 | complete";

  @Test
  void aCompletePackageHasNothingMissing() {
    List<ChecklistItem> marked = HandoffPackage.markDone(GENERAL, "Summary\nArtifacts listed\nContact");
    assertThat(HandoffPackage.missing("Order history page", GOOD_ARTIFACT, marked, "backend")).isEmpty();
  }

  @Test
  void doneItemsMayBeNamedByNumberOrWithAListMarkerInAnyCase() {
    List<ChecklistItem> marked = HandoffPackage.markDone(GENERAL, List.of("1", "- artifacts listed", "[x] CONTACT"));
    assertThat(marked).extracting(ChecklistItem::done).containsExactly(true, true, false, true);
  }

  @Test
  void everyProblemIsOneLineNamingTheLineAndWhatIsAllowed() {
    String artifacts = GOOD_ARTIFACT + "\n\nopenapi.yaml | api_contract | https://git.example/api | in_progress\n"
        + "notes.md | wiki | docs/notes.md | complete\nbroken line";
    List<String> missing = HandoffPackage.missing(" ", artifacts, GENERAL, "");
    assertThat(missing).containsExactly(
        "checklist: Summary", "checklist: Artifacts listed", "checklist: Contact",
        "artifact line 3 (openapi.yaml): status in_progress, must be complete",
        "artifact line 4 (notes.md): type 'wiki' is not one of documentation, code, deployment, data, api_contract",
        "artifact line 5: expected 'name | type | location | status' (4 parts separated by |), got 'broken line'",
        "summary: say what is handed over",
        "downstream: no downstream domain is named");
  }

  @Test
  void atLeastOneArtifactIsNeeded() {
    assertThat(HandoffPackage.missing("x", "\n  \n", List.of(), "qa"))
        .containsExactly("artifacts: list at least one artifact, one per line: name | type | location | status");
  }
}
