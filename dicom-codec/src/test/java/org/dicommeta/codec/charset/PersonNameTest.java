package org.dicommeta.codec.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dicommeta.codec.charset.PersonName.Component.FAMILY;
import static org.dicommeta.codec.charset.PersonName.Component.GIVEN;
import static org.dicommeta.codec.charset.PersonName.Component.MIDDLE;
import static org.dicommeta.codec.charset.PersonName.Component.PREFIX;
import static org.dicommeta.codec.charset.PersonName.Component.SUFFIX;
import static org.dicommeta.codec.charset.PersonName.Group.ALPHABETIC;
import static org.dicommeta.codec.charset.PersonName.Group.IDEOGRAPHIC;
import static org.dicommeta.codec.charset.PersonName.Group.PHONETIC;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    @DisplayName("the three component groups of a Japanese name, as PS3.5 Example H.3-1 shows them")
    void threeGroups() {
        PersonName name = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertThat(name.group(ALPHABETIC)).isEqualTo("Yamada^Tarou");
        assertThat(name.group(IDEOGRAPHIC)).isEqualTo("山田^太郎");
        assertThat(name.group(PHONETIC)).isEqualTo("やまだ^たろう");
        assertThat(name.component(IDEOGRAPHIC, FAMILY)).isEqualTo("山田");
        assertThat(name.component(PHONETIC, GIVEN)).isEqualTo("たろう");
        assertThat(name.component(ALPHABETIC, MIDDLE)).isEmpty();
        assertThat(name).hasToString("Yamada^Tarou=山田^太郎=やまだ^たろう");
    }

    @Test
    @DisplayName("all five components, PS3.5 §6.2.1's example of Rev. John Robert Quincy Adams, B.A. M.Div.")
    void fiveComponents() {
        PersonName name = PersonName.parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div.");
        assertThat(name.component(ALPHABETIC, FAMILY)).isEqualTo("Adams");
        assertThat(name.component(ALPHABETIC, GIVEN)).isEqualTo("John Robert Quincy");
        assertThat(name.component(ALPHABETIC, MIDDLE)).isEmpty();
        assertThat(name.component(ALPHABETIC, PREFIX)).isEqualTo("Rev.");
        assertThat(name.component(ALPHABETIC, SUFFIX)).isEqualTo("B.A. M.Div.");
        assertThat(name.hasGroup(IDEOGRAPHIC)).isFalse();
        assertThat(name.group(PHONETIC)).isEmpty();
    }

    @Test
    @DisplayName("a name with only an ideographic group leaves the alphabetic group empty")
    void onlyIdeographic() {
        PersonName name = PersonName.parse("=山田^太郎");
        assertThat(name.hasGroup(ALPHABETIC)).isFalse();
        assertThat(name.component(IDEOGRAPHIC, GIVEN)).isEqualTo("太郎");
        assertThat(name.hasGroup(PHONETIC)).isFalse();
    }

    @Test
    @DisplayName("empty and null values have no groups")
    void empty() {
        assertThat(PersonName.parse("").isEmpty()).isTrue();
        assertThat(PersonName.parse(null)).isSameAs(PersonName.EMPTY);
        assertThat(PersonName.EMPTY.component(ALPHABETIC, FAMILY)).isEmpty();
        assertThat(PersonName.parse("^^^^").hasGroup(ALPHABETIC)).isTrue();
        assertThat(PersonName.parse("^^^^").component(ALPHABETIC, SUFFIX)).isEmpty();
    }

    @Test
    @DisplayName("extra groups and components are kept in the last group and component, not dropped")
    void excessIsKept() {
        PersonName name = PersonName.parse("a^b^c^d^e^f=g=h=i");
        assertThat(name.component(ALPHABETIC, SUFFIX)).isEqualTo("e^f");
        assertThat(name.group(PHONETIC)).isEqualTo("h=i");
        assertThat(name).hasToString("a^b^c^d^e^f=g=h=i");
    }

    @Test
    @DisplayName("of() and withComponent() compose the value without trailing empty groups or components")
    void compose() {
        assertThat(PersonName.of("Doe^John", null, "")).hasToString("Doe^John");
        assertThat(PersonName.of("", "山田", null)).hasToString("=山田");
        PersonName built = PersonName.EMPTY
                .withComponent(ALPHABETIC, FAMILY, "Yamada")
                .withComponent(ALPHABETIC, GIVEN, "Tarou")
                .withComponent(PHONETIC, GIVEN, "たろう");
        assertThat(built).hasToString("Yamada^Tarou==^たろう");
        assertThat(built).isEqualTo(PersonName.parse("Yamada^Tarou==^たろう"));
        assertThat(built.withComponent(PHONETIC, GIVEN, null)).hasToString("Yamada^Tarou");
    }
}
