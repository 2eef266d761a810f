package com.orchestration.lifecycle;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Completions of a task's user tasks (and of its gates' user tasks) wait for each other: before Camunda reads
 * anything, a completion locks the row of the task's work item, as reassign, cancel, heartbeats and every state
 * change do.
 *
 * <p>Without it two completions of the same user task (a double click, two people, a retry) could interleave:
 * the second read the task before the first committed and its execution tree after, and Camunda answered the
 * half-old, half-new tree with a NullPointerException (a 500, seen in ConcurrentTaskCommandsTest). With it the
 * second runs after the first's commit and finds no task: a 404 "Cannot find task" ({@code ClientErrors}, and
 * {@code ClientErrorLogFilter} keeps that client error out of the error log).
 */
@Component
class SerialTaskCompletionPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<WorkItemRepository> workItems;

  SerialTaskCompletionPlugin(ObjectProvider<WorkItemRepository> workItems) {
    this.workItems = workItems;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new LockWorkItemInterceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Runs inside the command's transaction, before the command itself. */
  private final class LockWorkItemInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      String taskId = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
          ? taskIdOf(command) : null;
      if (taskId != null) {
        lockWorkItemOf(taskId);
      }
      return next.execute(command);
    }
  }

  void lockWorkItemOf(String taskId) {
    workItems.getObject().lockByTask(taskId);
  }

  private static String taskIdOf(Command<?> command) {
    try {
      Field field = command.getClass().getDeclaredField("taskId"); // protected, no getter
      field.setAccessible(true);
      return (String) field.get(command);
    } catch (ReflectiveOperationException e) {
      return null; // another Camunda version: no lock, the engine's optimistic locking still applies
    }
  }
}
