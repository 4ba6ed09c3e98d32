package io.permlab.capture;

import io.permlab.model.dynamic.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Persona files on disk, as a tester writes them. */
class PersonaReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryField() throws Exception {
        Path file = write("{\"name\":\"张三丰\",\"phone\":\"13812345678\",\"idNumber\":\"11010519491231002X\","
                + "\"address\":\"上海市浦东新区世纪大道100号\",\"email\":\"t@example.com\",\"imei\":\"356938035643809\","
                + "\"androidId\":\"9774d56d682e549c\",\"oaid\":\"a1b2c3d4\",\"mac\":\"02:00:5e:10:00:01\"}");

        assertThat(PersonaReader.read(file)).isEqualTo(new Persona("张三丰", "13812345678", "11010519491231002X",
                "上海市浦东新区世纪大道100号", "t@example.com", "356938035643809", "9774d56d682e549c", "a1b2c3d4",
                "02:00:5e:10:00:01"));
    }

    @Test
    void aPersonaPrintedToALogShowsNoValue() throws Exception {
        Persona p = PersonaReader.read(write("{\"name\":\"张三丰\",\"phone\":\"13812345678\"}"));

        assertThat(p.toString()).isEqualTo("Persona[NAME=***, PHONE=***]");
    }

    @Test
    void anUnknownFieldIsAnErrorNamingFileAndField() throws Exception {
        Path file = write("{\"name\":\"张三丰\",\"mobile\":\"13812345678\"}");

        assertThatThrownBy(() -> PersonaReader.read(file)).isInstanceOf(PersonaFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("unknown field 'mobile'");
    }

    @Test
    void aMalformedPhoneOrIdNumberIsAnErrorThatDoesNotRepeatTheValue() throws Exception {
        Path phone = write("{\"phone\":\"1381234567\"}");
        Path id = write("{\"idNumber\":\"110105194912310021\"}");

        assertThatThrownBy(() -> PersonaReader.read(phone)).hasMessageContaining(phone.toString())
                .hasMessageContaining("field 'phone'").hasMessageNotContaining("1381234567");
        assertThatThrownBy(() -> PersonaReader.read(id)).hasMessageContaining(id.toString())
                .hasMessageContaining("field 'idNumber'").hasMessageContaining("check digit")
                .hasMessageNotContaining("110105194912310021");
    }

    @Test
    void malformedJsonIsAnError() throws Exception {
        Path file = write("{\"name\":\"张三丰\",}");

        assertThatThrownBy(() -> PersonaReader.read(file)).isInstanceOf(PersonaFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("malformed JSON");
    }

    @Test
    void aDuplicateFieldAndABrokenTokenNameTheLineButNotTheValue() throws Exception {
        Path twice = write("{\"phone\": \"13812345678\",\n \"phone\": \"13912345678\"}");
        assertThatThrownBy(() -> PersonaReader.read(twice)).hasMessageContaining(twice.toString())
                .hasMessageContaining("duplicate key 'phone' (line 2)").hasMessageNotContaining("13912345678");
        Path bare = write("{\"name\": \"张三丰\",\n \"phone\": 1381234567x}");
        assertThatThrownBy(() -> PersonaReader.read(bare)).hasMessageContaining("malformed JSON at line 2")
                .hasMessageNotContaining("1381234567");
        Path wrongType = write("{\"name\": \"张三丰\",\n \"phone\": 13812345678}");
        assertThatThrownBy(() -> PersonaReader.read(wrongType)).hasMessageContaining("field 'phone' (line 2) must be a string")
                .hasMessageNotContaining("13812345678");
    }

    private Path write(String json) throws Exception {
        Path file = Files.createTempFile(dir, "persona", ".json");
        return Files.writeString(file, json);
    }
}
