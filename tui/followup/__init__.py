"""Step 6, the agreement and its follow-up: agreements, the checklist, payments, schedules."""
