package com.orchestration.benchmark;

import com.orchestration.OrchestrationTest;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * SPEC §14, issue 9 part 7, on H2 (the shared test context): the lifecycle against the engine's floor and a tier-4
 * instruction ({@link LifecycleScenarios}). {@link LifecyclePostgresBenchmark} runs the same on PostgreSQL in the same
 * Maven run. Writes target/benchmark/lifecycle.md and, from a second pass with H2's query statistics on,
 * target/benchmark/lifecycle-statements.md (the statements one lifecycle makes). Measures only; asserts nothing about
 * time. Run: {@code mvn -B test -Pbenchmark -Dtest='Lifecycle*Benchmark'}
 */
@Tag("benchmark")
@OrchestrationTest
class LifecycleBenchmark {

  @Autowired ApplicationContext context;

  @Test
  void lifecycleAgainstTheEngineFloorAndATierFourInstruction() throws IOException {
    LifecycleScenarios scenarios = new LifecycleScenarios(context);
    scenarios.runAndWrite("H2 in memory", "lifecycle.md");
    scenarios.writeStatementProfile("lifecycle-statements.md");
  }
}
