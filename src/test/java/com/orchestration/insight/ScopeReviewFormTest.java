package com.orchestration.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Titles people typed are shown as literal text in the scope review's Markdown (SPEC §13: nothing evaluated). */
class ScopeReviewFormTest {

  @Test
  void markdownSyntaxInATitleIsEscapedAndLineBreaksBecomeSpaces() {
    assertThat(ScopeReviewForm.md("Export | import ![x](http://evil/x.png) [click](http://evil) *now*\nsecond"))
        .isEqualTo("Export \\| import \\!\\[x\\]\\(http://evil/x.png\\) \\[click\\]\\(http://evil\\) \\*now\\* second");
    assertThat(ScopeReviewForm.md("<img src=x onerror=alert(1)>"))
        .isEqualTo("\\<img src=x onerror=alert\\(1\\)\\>");
    assertThat(ScopeReviewForm.md("Plain title 2")).isEqualTo("Plain title 2");
    assertThat(ScopeReviewForm.md(null)).isEmpty();
  }
}
