package com.orchestration.review;

import com.orchestration.lifecycle.TaskView;
import com.orchestration.lifecycle.WorkItem;
import org.springframework.stereotype.Component;

/** The task's reviews in {@code GET /api/tasks/{key}}: every gate decision, oldest first. */
@Component
class ReviewTaskSection implements TaskView.Section {

  private final ReviewService reviews;

  ReviewTaskSection(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public String name() {
    return "reviews";
  }

  @Override
  public Object of(WorkItem task) {
    return reviews.forWorkItem(task.id());
  }
}
