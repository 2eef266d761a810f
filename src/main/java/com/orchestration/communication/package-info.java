/** Communication (SPEC §9): broadcast channels and announcements, standups, incidents. */
package com.orchestration.communication;
