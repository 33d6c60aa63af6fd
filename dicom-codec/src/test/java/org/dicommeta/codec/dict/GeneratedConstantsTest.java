package org.dicommeta.codec.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GeneratedConstantsTest {

    @Test
    @DisplayName("every Tag constant is the dictionary's tag for its keyword, and back")
    void tagConstantsMatchTheDictionary() throws IllegalAccessException {
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (Field f : Tag.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) {
                continue;
            }
            int tag = f.getInt(null);
            count++;
            if (ElementDictionary.tagOf(f.getName()) != tag || !f.getName().equals(ElementDictionary.keywordOf(tag))) {
                mismatches.add(f.getName() + " " + Tag.toString(tag));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(count).isEqualTo(ElementDictionary.size());
    }

    @Test
    @DisplayName("every UID constant has its PS3.6 name and keyword")
    void uidConstantsHaveNames() throws IllegalAccessException {
        int count = 0;
        for (Field f : UID.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String uid = (String) f.get(null);
                assertThat(UID.nameOf(uid)).as(f.getName()).isNotBlank();
                assertThat(UID.keywordOf(uid)).isEqualTo(f.getName());
                count++;
            }
        }
        assertThat(count).isGreaterThan(400);
    }
}
