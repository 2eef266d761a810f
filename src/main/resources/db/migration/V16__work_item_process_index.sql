-- A work item by its lifecycle's process instance. Every Camunda task completion locks the work item of the task's
-- root process instance first (lifecycle.SerialTaskCompletionPlugin), for every process, and the lifecycle's own
-- steps look a task up the same way: an index instead of a full scan of work_item under FOR UPDATE.
create index ix_work_item_process on work_item (process_instance_id);
