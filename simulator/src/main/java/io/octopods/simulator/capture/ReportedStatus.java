package io.octopods.simulator.capture;

/** A status item and the callback it came in. */
record ReportedStatus(Arrival arrival, StatusItem item) {}
