/**
 * The demo (profile {@code demo}): on an empty database, plays a few days of a running organisation through the real
 * processes and services, person by person, so the dashboard, Tasklist and Cockpit have something true to show
 * (docs/demo.md).
 */
package com.orchestration.demo;
