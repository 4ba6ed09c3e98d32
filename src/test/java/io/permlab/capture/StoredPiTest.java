package io.permlab.capture;

import io.permlab.exercise.ObservedStorage;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.StoredValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Plaintext PI left in browser storage: the seed case's storage problem (docs/rulebase.md, founding case row 2). */
class StoredPiTest {
    private static final String ORIGIN = "https://m.example.cn";

    @Test
    void plainValuesAreJudgedUnderTheirKey() {
        assertThat(PiScanner.stored(entry("localStorage", "user_phone", "13812345678")))
                .extracting(PiSighting::type, PiSighting::where, PiSighting::maskedValue)
                .containsExactly(tuple("MOBILE_PHONE", "localStorage user_phone", "138****5678"));
        assertThat(PiScanner.stored(entry("sessionStorage", "contactTel", "138-1234-5678")))
                .as("a formatted number under a phone name").extracting(PiSighting::type).containsExactly("MOBILE_PHONE");
        assertThat(PiScanner.stored(entry("sessionStorage", "serial", "138-1234-5678")))
                .as("grouped 3-4-4, the way numbers are written, it needs no name").extracting(PiSighting::type).containsExactly("MOBILE_PHONE");
        assertThat(PiScanner.stored(entry("sessionStorage", "contactTel", "1381-234-5678")))
                .as("grouped otherwise, under a phone name").extracting(PiSighting::type).containsExactly("MOBILE_PHONE");
        assertThat(PiScanner.stored(entry("sessionStorage", "serial", "1381-234-5678")))
                .as("grouped otherwise, under a name that says nothing").isEmpty();
    }

    @Test
    void jsonValuesAreWalked() {
        String user = "{\"id\":90001,\"profile\":{\"realName\":\"张三\",\"idCard\":\"11010519491231002X\",\"email\":\"zhang.san@example.com\"},"
                + "\"addresses\":[{\"detail\":\"世纪大道100号\",\"latitude\":31.230416,\"longitude\":121.473701}]}";
        assertThat(PiScanner.stored(entry("indexedDB", "app/users/90001", user)))
                .extracting(PiSighting::type, PiSighting::where).containsExactlyInAnyOrder(
                        tuple("RESIDENT_ID", "indexedDB app/users/90001 $.profile.idCard"),
                        tuple("EMAIL", "indexedDB app/users/90001 $.profile.email"),
                        tuple("COORDINATES", "indexedDB app/users/90001 $.addresses[0].latitude+$.addresses[0].longitude"));
    }

    @Test
    void cookiesAreDecodedAndKeysRead() {
        assertThat(PiScanner.stored(entry("cookie", "login_mail", "li.si%40example.com")))
                .extracting(PiSighting::type, PiSighting::where).containsExactly(tuple("EMAIL", "cookie login_mail"));
        assertThat(PiScanner.stored(entry("localStorage", "history_13812345678", "[\"search\"]")))
                .extracting(PiSighting::where).containsExactly("localStorage key history_138****5678");
    }

    @Test
    void aSnapshotPairsCoordinatesStoredUnderSeparateKeys() {
        ObservedStorage storage = new ObservedStorage(List.of(
                entry("localStorage", "last_lat", "31.230416"),
                entry("localStorage", "last_lng", "121.473701"),
                entry("localStorage", "theme", "dark"),
                entry("sessionStorage", "last_lat", "39.9042")));
        List<StoredValue> values = PiScanner.stored(storage);
        assertThat(values).extracting(StoredValue::key).containsExactly("last_lat", "last_lng", "theme", "last_lat");
        assertThat(values.get(0).pi()).singleElement().satisfies(s -> {
            assertThat(s.where()).isEqualTo("localStorage last_lat+last_lng");
            assertThat(s.decimals()).isEqualTo(6);
        });
        assertThat(values.get(1).pi()).isEmpty();
        assertThat(values.get(3).pi()).as("a latitude without a longitude in its area").isEmpty();
        assertThat(values.get(0).size()).isEqualTo(9);
    }

    @Test
    void ordinaryStorageHasNoPi() {
        ObservedStorage storage = new ObservedStorage(List.of(
                entry("localStorage", "token", "eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOjkwMDAxfQ.c2lnbmF0dXJl"),
                entry("localStorage", "cart", "{\"items\":[{\"skuId\":10023,\"qty\":2,\"price\":12.5}],\"updatedAt\":1732780800000}"),
                entry("localStorage", "lastOrderNo", "202411281530001234"),
                entry("cookie", "_ga", "GA1.2.1732780800.1732780800"),
                entry("localStorage", "version", "3.12.0")));
        assertThat(PiScanner.stored(storage)).allSatisfy(v -> assertThat(v.pi()).isEmpty());
    }

    private static ObservedStorage.Entry entry(String area, String key, String value) {
        return new ObservedStorage.Entry(area, ORIGIN, key, value);
    }

    @Test
    void passportNumbersUnderAPassportNameArePiAndProductCodesAreNot() {
        assertThat(PiScanner.stored(entry("sessionStorage", "passport", "E12345678")))
                .extracting(PiSighting::type, PiSighting::maskedValue).containsExactly(tuple("PASSPORT", "E******78"));
        assertThat(PiScanner.stored(entry("localStorage", "user", "{\"passportNo\":\"EA1234567\",\"sku\":\"E12345678\"}")))
                .extracting(PiSighting::type, PiSighting::where).containsExactly(tuple("PASSPORT", "localStorage user $.passportNo"));
        assertThat(PiScanner.stored(entry("sessionStorage", "护照号", "G12345678"))).extracting(PiSighting::type).containsExactly("PASSPORT");
        assertThat(PiScanner.stored(entry("sessionStorage", "sku", "E12345678"))).as("a product code").isEmpty();
    }
}
