/** Insight (SPEC §10, §11): metrics, bottlenecks, critical path, calibration, the dashboard's API. */
package com.orchestration.insight;
