package io.octopods.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupSizesTest {
  record Row(long xmin, String id) {}

  @Test
  void rowsSharingATransactionAreOneGroupInFirstSeenOrder() {
    List<Row> rows =
        List.of(
            new Row(7, "a"), new Row(5, "b"), new Row(7, "c"), new Row(9, "d"), new Row(5, "e"));

    List<List<Row>> groups = GroupSizes.byTransaction(rows, Row::xmin);

    assertThat(groups)
        .extracting(g -> g.stream().map(Row::id).toList())
        .containsExactly(List.of("a", "c"), List.of("b", "e"), List.of("d"));
  }

  @Test
  void theMeanIsRowsOverDistinctTransactions() {
    GroupSizes sizes = new GroupSizes(new int[] {1, 1, 2, 4, 12});

    assertThat(sizes.rows()).isEqualTo(20);
    assertThat(sizes.groups()).isEqualTo(5);
    assertThat(sizes.mean()).isEqualTo(4.0);
    assertThat(sizes.quantile(0.5)).isEqualTo(2);
    assertThat(sizes.quantile(1.0)).isEqualTo(12);
    assertThat(sizes.distribution()).isEqualTo("1: 10 %, 2-3: 10 %, 4-7: 20 %, 8-15: 60 %");
  }

  @Test
  void noTransactionsHaveNoMean() {
    assertThat(new GroupSizes(new int[0]).mean()).isNaN();
    assertThat(new GroupSizes(new int[] {200}).distribution()).isEqualTo("128+: 100 %");
  }
}
