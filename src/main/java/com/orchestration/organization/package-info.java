/** Organisation: people, skills and groups from the organisation file, synchronised into our tables and Camunda identity. */
package com.orchestration.organization;
