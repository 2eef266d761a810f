/** Lifecycle: work items (strategic and tactical tasks), their states and the append-only transition log. */
package com.orchestration.lifecycle;
