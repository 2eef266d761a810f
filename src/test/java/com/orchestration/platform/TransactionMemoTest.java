package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Values remembered once per transaction, on a real Spring transaction manager. */
class TransactionMemoTest {

  private final DataSourceTransactionManager transactions =
      new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:transaction-memo"));
  private final Object owner = new Object();

  private TransactionTemplate template(int propagation) {
    TransactionTemplate template = new TransactionTemplate(transactions);
    template.setPropagationBehavior(propagation);
    return template;
  }

  @Test
  void oneTransactionSeesOneMapAndTheNextStartsEmpty() {
    template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
      TransactionMemo.<String, String>of(owner).put("policy", "v1");
      assertThat(TransactionMemo.<String, String>of(owner)).containsEntry("policy", "v1");
      assertThat(TransactionMemo.<String, String>of(new Object())).as("another owner").isEmpty();
    });

    template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status ->
        assertThat(TransactionMemo.<String, String>of(owner)).isEmpty());
  }

  @Test
  void aRequiresNewTransactionInsideHasItsOwnMapAndTheOuterKeepsIts() {
    template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
      TransactionMemo.<String, String>of(owner).put("policy", "v1");

      template(TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> {
        Map<String, String> innerMemo = TransactionMemo.of(owner);
        assertThat(innerMemo).as("the inner transaction's memo").isEmpty();
        innerMemo.put("policy", "v2");
      });

      assertThat(TransactionMemo.<String, String>of(owner)).containsExactly(Map.entry("policy", "v1"));
    });
  }

  @Test
  void outsideATransactionNothingIsRemembered() {
    TransactionMemo.<String, String>of(owner).put("policy", "v1");

    assertThat(TransactionMemo.<String, String>of(owner)).isEmpty();
  }
}
