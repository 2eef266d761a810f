/** Platform: security (authentication, CVE mitigations, profile guards), engine configuration, error handling. */
package com.orchestration.platform;
