/** Intake: instructions, tier classification (DMN tier-classification), admission, planning validation. */
package com.orchestration.intake;
