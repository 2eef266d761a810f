package com.orchestration.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Raw calls to the external-task REST API (/engine-rest) as one agent, the way any external worker makes them. */
final class AgentWorkRest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final String baseUrl;
  final String workerId;

  AgentWorkRest(TestRestTemplate rest, int port, String user, String password) {
    this.rest = rest.withBasicAuth(user, password);
    this.baseUrl = "http://localhost:" + port + "/engine-rest";
    this.workerId = user + "-test-worker";
  }

  /** fetchAndLock on ic-work (no long polling), optionally only tasks of one instruction (business key). */
  List<Map<String, Object>> fetch(String businessKey, long lockMillis) {
    Map<String, Object> topic = new LinkedHashMap<>();
    topic.put("topicName", "ic-work");
    topic.put("lockDuration", lockMillis);
    topic.put("variables", List.of("taskKey", "taskTitle", "estimateHours", "acceptanceCriteria"));
    if (businessKey != null) {
      topic.put("businessKey", businessKey);
    }
    ResponseEntity<String> response = rest.postForEntity(baseUrl + "/external-task/fetchAndLock",
        Map.of("workerId", workerId, "maxTasks", 5, "topics", List.of(topic)), String.class);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("fetchAndLock failed: " + response.getStatusCode() + " " + response.getBody());
    }
    return read(response.getBody(), new TypeReference<>() {});
  }

  ResponseEntity<String> complete(String externalTaskId, Map<String, Object> variables) {
    return rest.postForEntity(baseUrl + "/external-task/" + externalTaskId + "/complete",
        Map.of("workerId", workerId, "variables", typed(variables)), String.class);
  }

  ResponseEntity<String> unlock(String externalTaskId) {
    return rest.postForEntity(baseUrl + "/external-task/" + externalTaskId + "/unlock", null, String.class);
  }

  ResponseEntity<String> get(String path) {
    return rest.getForEntity(baseUrl + path, String.class);
  }

  ResponseEntity<String> post(String path, Object body) {
    return rest.postForEntity(baseUrl + path, body, String.class);
  }

  /** {name: {value, type}} as the REST API expects. */
  static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> out = new LinkedHashMap<>();
    variables.forEach((name, value) -> out.put(name, Map.of("value", value,
        "type", value instanceof Double ? "Double" : value instanceof Integer ? "Integer"
            : value instanceof Boolean ? "Boolean" : "String")));
    return out;
  }

  static <T> T read(String body, TypeReference<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }
}
