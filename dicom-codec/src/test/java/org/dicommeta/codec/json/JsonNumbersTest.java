package org.dicommeta.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonNumbersTest {

    @ParameterizedTest(name = "DS \"{0}\" -> {1}")
    @DisplayName("DS text becomes a JSON number of the same decimal value, or null when not a number")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "0|0", "-0|-0", "+1|1", "007|7", "1.|1", ".5|0.5", "-.5|-0.5", "1.50|1.50", "1e3|1e3", "1E+03|1E+03",
        "  2.5  |2.5", "-000.010|-0.010", "1.5e-7|1.5e-7",
        "abc|NULL", "|NULL", "1.2.3|NULL", "1e|NULL", "e5|NULL", ".|NULL", "+|NULL", "NaN|NULL", "Infinity|NULL",
        "1 2|NULL", "0x10|NULL", "1,5|NULL"})
    void decimalString(String text, String expected) {
        String json = JsonNumbers.fromDecimalString(text == null ? "" : text, false);
        assertThat(json).isEqualTo(expected);
        if (expected != null) {
            assertThat(new BigDecimal(json)).isEqualByComparingTo(new BigDecimal(text.strip().replaceFirst("^\\+", "")
                    .replaceFirst("^(-?)\\.", "$10.").replaceFirst("\\.$", "")));
        }
    }

    @ParameterizedTest(name = "IS \"{0}\" -> {1}")
    @DisplayName("IS text becomes a JSON integer, or null when not an integer")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "12|12", "+12|12", "-0012|-12", "0|0", " 42 |42", "1.5|NULL", "1e3|NULL", "x|NULL", "|NULL"})
    void integerString(String text, String expected) {
        assertThat(JsonNumbers.fromDecimalString(text == null ? "" : text, true)).isEqualTo(expected);
    }
}
