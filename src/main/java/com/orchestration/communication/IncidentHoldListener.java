package com.orchestration.communication;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds work that starts during an open incident: every process instance started while an incident is open is looked
 * at after its transaction commits (an instance cannot be suspended from inside the command that runs it), and when it
 * belongs to an open instruction of tier ≥ 2 the whole instruction is suspended ({@link
 * IncidentService#holdIfDuringIncident}). The starts come from the engine's history events, which the Camunda Spring
 * Boot starter publishes as Spring events ({@code camunda.bpm.eventing.history}, on by default; history level at
 * least {@code activity}).
 */
@Component
class IncidentHoldListener {

  private static final Logger log = LoggerFactory.getLogger(IncidentHoldListener.class);
  private static final String STARTED = HistoryEventTypes.PROCESS_INSTANCE_START.getEventName();

  private final IncidentService incidents;
  private final TransactionTemplate newTransaction;

  IncidentHoldListener(IncidentService incidents, PlatformTransactionManager transactions) {
    this.incidents = incidents;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @EventListener
  void historyEvent(HistoryEvent event) {
    if (!(event instanceof HistoricProcessInstanceEventEntity started) || !STARTED.equals(started.getEventType())
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      if (!incidents.anyOpen()) {
        return;
      }
      Set<String> created = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(this, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(IncidentHoldListener.this);
          if (status == STATUS_COMMITTED) {
            hold(created);
          }
        }
      });
      pending = created;
    }
    pending.add(started.getProcessInstanceId());
  }

  private void hold(Set<String> processInstanceIds) {
    try {
      newTransaction.executeWithoutResult(status -> incidents.holdIfDuringIncident(processInstanceIds));
    } catch (RuntimeException e) {
      log.warn("Could not hold process instances {} started during an open incident: {}", processInstanceIds,
          e.toString());
    }
  }
}
