package com.orchestration.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExpressionKeyGuardFilterTest {

  @Test
  void findsAnExpressionKeyInsideOrQueries() {
    String body = "{\"orQueries\":[{\"dueAfterExpression\":\"${1+1}\"}],\"assignee\":\"anna\"}";

    assertThat(ExpressionKeyGuardFilter.expressionKeyInJson(bytes(body))).contains("dueAfterExpression");
  }

  @Test
  void findsExpressionKeysAtAnyDepthAndInAnyCase() {
    assertThat(ExpressionKeyGuardFilter.expressionKeyInJson(bytes("{\"a\":{\"b\":[1,{\"c\":{\"FollowUpBeforeEXPRESSION\":1}}]}}")))
        .contains("FollowUpBeforeEXPRESSION");
  }

  @Test
  void decodesUnicodeEscapesBeforeJudgingAKey() {
    assertThat(ExpressionKeyGuardFilter.expressionKeyInJson(bytes("{\"orQueries\":[{\"dueAfter\\u0045xpression\":\"x\"}]}")))
        .contains("dueAfterExpression");
  }

  @Test
  void readsLenientJsonAsTheEndpointMight() {
    assertThat(ExpressionKeyGuardFilter.expressionKeyInJson(bytes("{/*c*/ orQueries:[{'assigneeExpression':'x',}],}")))
        .contains("assigneeExpression");
  }

  @Test
  void searchesUnparseableBodiesAsText() {
    assertThat(ExpressionKeyGuardFilter.expressionKeyInJson(bytes("{\"a\": ]] \"candidateUserExpression\" : 1")))
        .contains("candidateUserExpression");
  }

  @Test
  void letsOrdinaryQueriesThrough() {
    assertThat(ExpressionKeyGuardFilter.expressionKeyInJson(
        bytes("{\"orQueries\":[{\"assignee\":\"anna\"}],\"sorting\":[{\"sortBy\":\"created\"}],\"name\":\"Expression\"}")))
        .isEmpty();
    assertThat(ExpressionKeyGuardFilter.expressionKeyInJson(new byte[0])).isEmpty();
  }

  @Test
  void findsExpressionKeysInQueryStrings() {
    assertThat(ExpressionKeyGuardFilter.expressionKeyInUrlEncoded("maxResults=10&dueAfter%45xpression=%24%7B1%7D"))
        .contains("dueAfterExpression");
    assertThat(ExpressionKeyGuardFilter.expressionKeyInUrlEncoded("assignee=anna&firstResult=0")).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
