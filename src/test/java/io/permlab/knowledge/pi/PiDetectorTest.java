package io.permlab.knowledge.pi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PiDetectorTest {

    @Test
    void residentIdNeedsAValidDateAndCheckDigit() {
        assertThat(types("身份证 11010519491231002X 已登记")).containsExactly(PiType.RESIDENT_ID);
        assertThat(types("11010519491231002x")).containsExactly(PiType.RESIDENT_ID);
        assertThat(types("110105194912310021")).as("wrong check digit").isEmpty();
        assertThat(types("11010519491331002X")).as("month 13").isEmpty();
        assertThat(types("11010530491231002X")).as("birth year 3049").isEmpty();
    }

    @Test
    void mobileNumbersWithAndWithoutCountryCode() {
        assertThat(types("phone=13812345678&x=1")).containsExactly(PiType.MOBILE_PHONE);
        assertThat(types("+8613812345678")).containsExactly(PiType.MOBILE_PHONE);
        assertThat(types("86-19912345678")).containsExactly(PiType.MOBILE_PHONE);
        assertThat(types("12812345678")).as("no 12x mobile prefix").isEmpty();
        assertThat(types("order 138123456789")).as("12 digits is not a phone").isEmpty();
        assertThat(types("a13812345678b")).as("glued to letters").isEmpty();
    }

    @Test
    void mobileNumbersGroupedThreeFourFourAreFoundAndMaskedWithTheirSeparators() {
        assertThat(PiDetector.mask("type css=#tel \"+86 138 0013 8000\"")).isEqualTo("type css=#tel \"+86 138 **** 8000\"");
        assertThat(PiDetector.mask("tel 138-0013-8000.")).isEqualTo("tel 138-****-8000.");
        assertThat(PiDetector.mask("0086 138 0013 8000")).isEqualTo("0086 138 **** 8000");
        assertThat(PiDetector.mask("86-138-0013-8000")).isEqualTo("86-138-****-8000");
        assertThat(PiDetector.mask("+8613800138000")).isEqualTo("+86138****8000");
        assertThat(types("138 0013-8000")).as("mixed separators").isEmpty();
        assertThat(types("128 0013 8000")).as("no 12x mobile prefix").isEmpty();
        assertThat(types("138 0013 80001")).as("a longer last group").isEmpty();
        assertThat(types("2138 0013 8000")).as("a longer first group").isEmpty();
    }

    @Test
    void passportNumbersAreFoundOnlyAfterAPassportLabel() {
        assertThat(types("护照号码：E12345678")).containsExactly(PiType.PASSPORT);
        assertThat(types("type css=#passport \"EA1234567\"")).containsExactly(PiType.PASSPORT);
        assertThat(types("passportNo=G12345678&x=1")).containsExactly(PiType.PASSPORT);
        assertThat(PiDetector.mask("Passport: E12345678.")).isEqualTo("Passport: E******78.");
        assertThat(types("sku E12345678")).as("no label").isEmpty();
        assertThat(types("passport EI1234567")).as("no I or O in the series letter").isEmpty();
        assertThat(types("passport E123456789")).as("nine digits").isEmpty();
        assertThat(types("passport XE12345678")).as("glued to a letter").isEmpty();
        assertThat(PiDetector.passportShaped("E12345678")).isTrue();
        assertThat(PiDetector.passportShaped("P12345678")).isFalse();
    }

    @Test
    void bankCardsAndImeisNeedTheLuhnChecksum() {
        assertThat(types("card 4111111111111111")).containsExactly(PiType.BANK_CARD);
        assertThat(types("card 4111111111111112")).isEmpty();
        assertThat(types("imei=490154203237518")).containsExactly(PiType.IMEI);
        assertThat(types("imei=490154203237519")).isEmpty();
        assertThat(types("000000000000000")).as("placeholder").isEmpty();
        assertThat(types("imei=864123456789010")).as("an IMEI starting with 86 is not a country code").containsExactly(PiType.IMEI);
    }

    @Test
    void emailMacAndPlate() {
        assertThat(types("mail zhang.san@example.com.cn now")).containsExactly(PiType.EMAIL);
        assertThat(types("mac 3C:5A:B4:01:02:03")).containsExactly(PiType.MAC_ADDRESS);
        assertThat(types("车牌沪A12345")).containsExactly(PiType.LICENSE_PLATE);
        assertThat(types("新能源 粤BD12345")).containsExactly(PiType.LICENSE_PLATE);
    }

    @Test
    void coordinatesCarryTheirPrecision() {
        List<PiMatch> precise = PiDetector.find("loc=31.230416,121.473701");
        assertThat(precise).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(PiType.COORDINATES);
            assertThat(m.decimals()).isEqualTo(6);
            assertThat(m.precise()).isTrue();
        });
        assertThat(PiDetector.find("31.23,121.47")).singleElement().satisfies(m -> assertThat(m.precise()).isFalse());
        assertThat(PiDetector.find("version 1.2.3, 4.5.6")).isEmpty();
        assertThat(PiDetector.find("200.123456,300.123456")).as("out of range").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello world", "build 20261128", "timestamp 1732780800000", "uuid 550e8400-e29b-41d4-a716-446655440000"})
    void ordinaryTextHasNoPi(String text) {
        assertThat(PiDetector.find(text)).isEmpty();
    }

    private static List<PiType> types(String text) {
        return PiDetector.find(text).stream().map(PiMatch::type).toList();
    }
}
