/** Review: the quality gates (SPEC §7) — which apply, who reviews, what a review must contain. */
package com.orchestration.review;
