package io.octopods.simulator.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the four simulators on free ports once for the test class and injects {@link
 * io.octopods.simulator.Simulators} (where they listen) and {@link
 * io.octopods.simulator.SimulatorClient} (their admin API) into constructors, lifecycle methods and
 * tests. Works on JUnit Jupiter 5.10 and later and on 6.
 *
 * <pre>{@code
 * @OctopodsSimulators(clock = "virtual")
 * class MyTest {
 *   @Test void plays(Simulators sims, SimulatorClient admin) {
 *     admin.bind("whatsapp", "+15550100", "whatsapp-a2-read-before-delivered");
 *     ... send to sims.baseUrl("whatsapp") ...
 *     admin.advance(Duration.ofMinutes(1));
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SimulatorsExtension.class)
public @interface OctopodsSimulators {
  /** {@code virtual} (the default for tests: exact and fast) or {@code real}. */
  String clock() default "virtual";

  /** Wall time per scenario second on the real clock. */
  double timeScale() default 1.0;

  /** Folders of more scenarios, relative to the working directory. */
  String[] scenarios() default {};
}
