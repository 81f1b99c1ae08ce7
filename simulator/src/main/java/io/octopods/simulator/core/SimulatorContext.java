package io.octopods.simulator.core;

import io.octopods.simulator.core.callbacks.CallbackJournal;
import io.octopods.simulator.core.callbacks.CallbackScheduler;
import io.octopods.simulator.core.callbacks.CallbackTargets;
import io.octopods.simulator.core.clock.ScenarioClock;
import io.octopods.simulator.core.messages.MessageLedger;
import io.octopods.simulator.core.scenario.ScenarioCatalog;

/** What every simulator of one process shares: one clock, one catalog, one ledger, one journal. */
public record SimulatorContext(
    ScenarioClock clock,
    ScenarioCatalog catalog,
    MessageLedger ledger,
    CallbackJournal journal,
    CallbackTargets targets,
    CallbackScheduler scheduler,
    SendDesk desk) {}
