package io.octopods.simulator.core.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PayloadFieldsTest {
  private final Placeholders placeholders =
      new Placeholders()
          .put(
              "provider_message_id",
              Json.MAPPER.getNodeFactory().numberNode(new BigInteger("4912661846655238145")))
          .put("to", "+15551230001");

  @Test
  void plainKeysSetAndNullDeletesInTheEvent() {
    ObjectNode root =
        (ObjectNode) Json.parse("{\"entry\":[{\"s\":{\"id\":\"x\",\"pricing\":{}}}]}");
    ObjectNode event = (ObjectNode) root.at("/entry/0/s");
    PayloadFields.merge(
        (ObjectNode) Json.parse("{\"pricing\":null,\"extra\":1}"), event, root, placeholders);
    assertThat(Json.write(root)).isEqualTo("{\"entry\":[{\"s\":{\"id\":\"x\",\"extra\":1}}]}");
  }

  @Test
  void pointerKeysWorkFromTheRootAndCreateObjectsOnTheWay() {
    ObjectNode root = (ObjectNode) Json.parse("{\"entry\":[{\"id\":\"w\"}]}");
    PayloadFields.merge(
        (ObjectNode) Json.parse("{\"/entry/0/id\":\"other\",\"/a/b\":\"{{to}}\",\"/entry/-\":{}}"),
        root,
        root,
        placeholders);
    assertThat(Json.write(root))
        .isEqualTo("{\"entry\":[{\"id\":\"other\"},{}],\"a\":{\"b\":\"+15551230001\"}}");
  }

  @Test
  void aWholePlaceholderTakesItsNativeTypeAndInsideTextItIsText() {
    ObjectNode root = Json.object();
    PayloadFields.merge(
        (ObjectNode)
            Json.parse(
                "{\"token\":\"{{provider_message_id}}\",\"note\":\"id {{provider_message_id}}\"}"),
        root,
        root,
        placeholders);
    assertThat(Json.write(root))
        .isEqualTo("{\"token\":4912661846655238145,\"note\":\"id 4912661846655238145\"}");
  }
}
