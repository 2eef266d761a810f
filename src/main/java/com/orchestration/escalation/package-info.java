/** Escalation: the resolver ladder (DL → TL → EM, architects), its routing decision and the escalation records. */
package com.orchestration.escalation;
