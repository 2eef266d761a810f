/** Handoff: cross-domain transitions of finished work (SPEC §9.3). */
package com.orchestration.handoff;
