package io.octopods.simulator.viber;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.core.Json;
import java.math.BigInteger;
import org.junit.jupiter.api.RepeatedTest;

class MessageTokenTest {
  @RepeatedTest(50)
  void aTokenIsAPositive64BitIntegerADoubleCannotHold_writtenAsABareNumber() {
    String token = MessageToken.next();
    long value = Long.parseLong(token);
    assertThat(value).isGreaterThan(1L << 53);
    assertThat((long) (double) value).isNotEqualTo(value);
    assertThat(Json.write(Json.object().set("message_token", MessageToken.json(token))))
        .isEqualTo("{\"message_token\":" + token + "}");
    assertThat(MessageToken.json(token).bigIntegerValue()).isEqualTo(new BigInteger(token));
  }
}
