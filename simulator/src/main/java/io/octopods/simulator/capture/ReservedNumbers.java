package io.octopods.simulator.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Real phone numbers to numbers reserved for fiction, one to one within an instance: North American
 * numbers (11 digits starting with 1) become {@code +1 NPA 555-0100..0199} (NANPA keeps 555-0100 to
 * 555-0199 fictional in every area code; area codes from 201 upwards, N11 and N9X left out); every
 * other number becomes one of Ofcom's drama numbers, {@code +44 7700 900000..900999} (mobile)
 * first, then {@code +44 1632 960xxx} and {@code +44 20 7946 0xxx}, then the North American range.
 * Numbers are handled as digits only; callers keep the {@code +} and any prefix.
 */
final class ReservedNumbers {
  private static final List<String> NPAS = areaCodes();
  private static final List<String> UK_BLOCKS = List.of("7700900", "1632960", "2079460");
  private static final Pattern RESERVED =
      Pattern.compile("1[2-9]\\d{2}55501\\d{2}|44(7700900|1632960|2079460)\\d{3}");

  private final Map<String, String> byDigits = new HashMap<>();
  private int northAmerican;
  private int british;

  /** The reserved digits for {@code digits}; the same input always gives the same output. */
  String of(String digits) {
    return byDigits.computeIfAbsent(digits, this::next);
  }

  /** True for a number of the ranges handed out here. */
  static boolean isReserved(String digits) {
    return RESERVED.matcher(digits).matches();
  }

  private String next(String digits) {
    boolean nanp = digits.length() == 11 && digits.startsWith("1");
    if (!nanp && british < UK_BLOCKS.size() * 1000) {
      int i = british++;
      return "44" + UK_BLOCKS.get(i / 1000) + String.format("%03d", i % 1000);
    }
    int i = northAmerican++;
    if (i >= NPAS.size() * 100) {
      throw new IllegalStateException(
          "more distinct phone numbers than reserved ones ("
              + (NPAS.size() * 100 + UK_BLOCKS.size() * 1000)
              + "); split the capture");
    }
    return "1" + NPAS.get(i / 100) + "55501" + String.format("%02d", i % 100);
  }

  private static List<String> areaCodes() {
    List<String> codes = new ArrayList<>();
    for (int a = 2; a <= 9; a++) {
      for (int b = 0; b <= 8; b++) {
        for (int c = 0; c <= 9; c++) {
          if (b == 1 && c == 1) {
            continue;
          }
          codes.add("" + a + b + c);
        }
      }
    }
    codes.remove("200"); // start at 201, the first area code ever assigned
    return List.copyOf(codes);
  }
}
