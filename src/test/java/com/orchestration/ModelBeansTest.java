package com.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import com.orchestration.ModelConventions.BeanReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every bean a BPMN model names ({@code camunda:delegateExpression="${reviewCodeDelegate}"}, listener delegate
 * expressions, {@code ${someService.method(..)}} expressions) exists in the application context, so a renamed
 * delegate fails the build instead of the first process instance that reaches it.
 */
@OrchestrationTest
class ModelBeansTest {

  @Autowired ApplicationContext applicationContext;

  @Test
  void everyBeanNamedInAModelExists() {
    // Given every bean reference in bpmn/
    List<BeanReference> references = ModelConventions.filesIn(Path.of("bpmn"), ".bpmn").stream()
        .flatMap(model -> ModelConventions.beanReferences(model).stream())
        .toList();

    // Then each names a bean of the application context
    assertThat(missingBeans(references)).as("expressions naming no Spring bean").isEmpty();
  }

  @Test
  void reportsDelegateAndListenerExpressionsThatNameNoBean() {
    // Given a fixture with an unknown delegate, an existing listener bean and an unknown service in an expression
    List<BeanReference> references =
        ModelConventions.beanReferences(Path.of("src/test/resources/conventions/beans/unknown-bean.bpmn"));

    // Then all three are found, and exactly the two unknown ones are reported missing
    assertThat(references).extracting(BeanReference::beanName)
        .containsExactlyInAnyOrder("noSuchRouteSampleDelegate", "runtimeService", "noSuchAuditService");
    assertThat(references).extracting(BeanReference::elementId).containsOnly("Task_RouteSample");
    assertThat(missingBeans(references)).extracting(BeanReference::beanName)
        .containsExactlyInAnyOrder("noSuchRouteSampleDelegate", "noSuchAuditService");
  }

  private List<BeanReference> missingBeans(List<BeanReference> references) {
    return references.stream().filter(reference -> !applicationContext.containsBean(reference.beanName())).toList();
  }
}
