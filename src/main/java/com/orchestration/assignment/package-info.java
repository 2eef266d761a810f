/** Assignment (SPEC §8.1): who gets a task — factors, DMN policy, eligibility, ranking, rationale, the preview API. */
package com.orchestration.assignment;
