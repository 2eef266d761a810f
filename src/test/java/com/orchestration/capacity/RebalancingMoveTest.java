package com.orchestration.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orchestration.capacity.RebalancingMove.Numbered;
import com.orchestration.platform.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-move-per-line format the DL reads and edits in Tasklist. */
class RebalancingMoveTest {

  @Test
  void aMoveIsWrittenAndReadBackInTheLineFormat() {
    RebalancingMove move = new RebalancingMove("INS-20261124-001", "TT1.2", "alice", "lena", 4, "alice at 1.20");

    assertThat(move.line()).isEqualTo("TT1.2 (INS-20261124-001) alice → lena: alice at 1.20");
    List<Numbered> parsed = RebalancingMove.parse(move.line(), "editedMoves");
    assertThat(parsed).singleElement().satisfies(n -> {
      assertThat(n.number()).isEqualTo(1);
      assertThat(n.move().instructionKey()).isEqualTo("INS-20261124-001");
      assertThat(n.move().taskKey()).isEqualTo("TT1.2");
      assertThat(n.move().from()).isEqualTo("alice");
      assertThat(n.move().to()).isEqualTo("lena");
      assertThat(n.move().reason()).isEqualTo("alice at 1.20");
    });
  }

  @Test
  void asciiArrowsListMarkersBlankLinesAndCommentsAreAccepted() {
    List<Numbered> parsed = RebalancingMove.parse("""
        # moves for Friday
        - TT3 (INS-20261124-002) marco -> yuki

        TT4 ( INS-20261124-002 )  marco→lena:  pairs with TT3
        """, "editedMoves");

    assertThat(parsed).extracting(Numbered::number).containsExactly(2, 4);
    assertThat(parsed).extracting(n -> n.move().to()).containsExactly("yuki", "lena");
    assertThat(parsed.get(0).move().reason()).isNull();
    assertThat(parsed.get(1).move().reason()).isEqualTo("pairs with TT3");
  }

  @Test
  void aMalformedLineIsRefusedWithItsNumberAndTheExpectedFormat() {
    assertThatThrownBy(() -> RebalancingMove.parse("TT1 (INS-20261124-001) alice → lena\nTT2 alice to lena",
        "editedMoves"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Line 2 ('TT2 alice to lena') is not a move")
        .hasMessageContaining(RebalancingMove.LINE_FORMAT);
  }
}
