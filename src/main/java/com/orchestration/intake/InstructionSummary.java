package com.orchestration.intake;

import com.orchestration.lifecycle.Priority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One line of {@code GET /api/instructions}. */
@Schema(description = "An instruction in a list: key, title, tier, priority, state and progress")
record InstructionSummary(
    @Schema(example = "INS-20261124-001") String key,
    String title,
    int tier,
    Priority priority,
    InstructionState state,
    @Schema(description = "Completed tactical tasks / tactical tasks not cancelled, 0..1") double progress,
    Instant createdAt) {

  static InstructionSummary of(Instruction instruction, double progress) {
    return new InstructionSummary(instruction.key(), instruction.title(), instruction.tier(),
        instruction.priority(), instruction.state(), progress, instruction.createdAt());
  }
}
