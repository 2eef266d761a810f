package com.orchestration.communication;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The standup timers' cron expressions, read by the timer start events of BPMN {@code standup}
 * ({@code ${standupSchedule.dailyCron}}) and {@code standup-weekly} ({@code ${standupSchedule.weeklyCron}}) when the
 * models are deployed (every start-up deploys them). Spring cron with seconds ({@code second minute hour day-of-month month day-of-week}), the
 * syntax the engine's timer parses; evaluated in the JVM's default time zone. A malformed expression stops the
 * start-up here, naming the property, instead of failing the deployment with an engine error.
 * Public with public getters because the engine's expression language calls them.
 */
@Component("standupSchedule")
public class StandupSchedule {

  static final String DAILY_PROPERTY = "orchestration.standup.daily-cron";
  static final String WEEKLY_PROPERTY = "orchestration.standup.weekly-cron";

  private final String dailyCron;
  private final String weeklyCron;

  StandupSchedule(@Value("${" + DAILY_PROPERTY + ":0 0 9 * * MON-FRI}") String dailyCron,
      @Value("${" + WEEKLY_PROPERTY + ":0 30 9 * * MON}") String weeklyCron) {
    this.dailyCron = check(DAILY_PROPERTY, dailyCron);
    this.weeklyCron = check(WEEKLY_PROPERTY, weeklyCron);
  }

  public String getDailyCron() {
    return dailyCron;
  }

  public String getWeeklyCron() {
    return weeklyCron;
  }

  private static String check(String property, String cron) {
    String value = cron == null ? "" : cron.strip();
    try {
      CronExpression.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " '" + cron + "' is not a valid cron expression (six fields: second "
          + "minute hour day-of-month month day-of-week, e.g. '0 0 9 * * MON-FRI'): " + e.getMessage(), e);
    }
    return value;
  }
}
